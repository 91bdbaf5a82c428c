import { connectDb } from "../server/db/client.ts";
import { getCompstat } from "../server/features/analysis/analysis.service.ts";
import type { CurrentWorkspace } from "../server/features/workspace/workspace.service.ts";
import { type PeriodKind, periodContaining, shiftPeriod } from "../shared/calendar.ts";
import { RISE_LABELS } from "../shared/rising.ts";
import { SUSTAINED_LABELS } from "../shared/rising-over-time.ts";
import { CompstatInputSchema, type CompstatRow } from "../shared/schemas/analysis.ts";
import { importDalarna } from "../tests/support/dalarna.ts";

// npx tsx scripts/borlange-flags.ts: what each rising flag says for Borlänge (kommun 2081), 2023
// against 2022, for every level-2 category of the police's key, from the real deliveries in
// ../shared/data imported into a fresh in-memory database. Prints a markdown table.

const KOMMUN = "2081";
const number = new Intl.NumberFormat("sv-SE");
const formatP = (p: number | null) => (p === null ? "–" : p < 0.001 ? "< 0.001" : p.toFixed(3));
const formatChange = (current: number, earlier: number) =>
  earlier > 0
    ? `${current >= earlier ? "+" : "−"}${Math.round(Math.abs((current / earlier - 1) * 100))} %`
    : "–";

async function compstat(
  db: Parameters<typeof getCompstat>[0]["db"],
  workspace: CurrentWorkspace,
  kind: PeriodKind,
  date: string,
) {
  const input = CompstatInputSchema.parse({ period: { kind, date }, areaCodes: [KOMMUN] });
  const result = await getCompstat({ db, workspace }, input);
  return new Map(result.rows.filter((row) => row.depth === 1).map((row) => [row.id, row]));
}

function sustainedCell(row: CompstatRow | undefined) {
  const flag = row?.sustained;
  const window = flag?.window;
  if (!flag || !window) return "–";
  const label = window.key === "period" ? "" : `${window.weeks} v: `;
  return `${label}${number.format(window.current)} mot ${number.format(window.earlier)} (${formatChange(window.current, window.earlier)}), ${SUSTAINED_LABELS.sv[flag.level].toLowerCase()}, p ${formatP(flag.pValue)}, φ ${flag.dispersion.toFixed(1)}`;
}

function periodCell(row: CompstatRow | undefined) {
  if (!row) return "–";
  const { flag } = row;
  if (flag.level === "too_few") return `${row.current}: för få (förväntat ${flag.expected.toFixed(1)})`;
  const window = flag.periods === 2 ? "två perioder " : "";
  return `${window}${number.format(flag.windowObserved)} mot ${flag.windowExpected.toFixed(1)}: ${RISE_LABELS.sv[flag.level].toLowerCase()}, p ${formatP(flag.pValue)}`;
}

async function main() {
  const handle = await connectDb({ pgliteDir: "memory" }, { migrate: true });
  const workspace = await importDalarna(handle.db);
  const { db } = handle;
  const year = await compstat(db, workspace, "year", "2023-06-01");
  const yearEnd = await compstat(db, workspace, "biweek", "2023-12-31");
  const lastPeriod = await compstat(db, workspace, "biweek", "2023-12-24");
  // Every biweekly period (from the meeting anchor) that ends in 2023.
  const flagged = new Map<string, { clear: number; possible: number }>();
  let periods = 0;
  for (
    let period = periodContaining("biweek", "2023-01-08", workspace.meetingAnchor);
    period.end <= "2023-12-31";
    period = shiftPeriod(period, 1)
  ) {
    periods++;
    for (const row of (await compstat(db, workspace, "biweek", period.start)).values()) {
      const count = flagged.get(row.id) ?? { clear: 0, possible: 0 };
      if (row.flag.level === "clear") count.clear++;
      if (row.flag.level === "possible") count.possible++;
      flagged.set(row.id, count);
    }
  }
  const lines = [
    `| Level-2 category | 2022 | 2023 | Sustained flag, year view (2023 against 2022) | Sustained flag at 31 Dec 2023 (its window) | Period flag, 11–24 Dec 2023 | Biweekly periods of 2023 flagged (of ${periods}) |`,
    "| --- | ---: | ---: | --- | --- | --- | --- |",
  ];
  const rows = [...year.values()].sort((a, b) => b.current - a.current);
  for (const row of rows) {
    const count = flagged.get(row.id) ?? { clear: 0, possible: 0 };
    lines.push(
      `| ${row.nameSv} | ${number.format(row.lastYear)} | ${number.format(row.current)} | ${sustainedCell(row)} | ${sustainedCell(yearEnd.get(row.id))} | ${periodCell(lastPeriod.get(row.id))} | ${count.clear + count.possible} (${count.clear} tydlig) |`,
    );
  }
  console.log(lines.join("\n"));
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
