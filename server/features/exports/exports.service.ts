import type { z } from "zod";
import { RISE_LABELS } from "../../../shared/rising.ts";
import { describeSustained, SUSTAINED_LABELS } from "../../../shared/rising-over-time.ts";
import type { ExportInputSchema } from "../../../shared/schemas/analysis.ts";
import type { Db } from "../../db/client.ts";
import { getCompstat } from "../analysis/analysis.service.ts";
import { getDistrictStats } from "../overview/overview.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { type Cell, tableFile } from "./table-file.ts";

type Input = z.output<typeof ExportInputSchema>;

const HEADERS = {
  sv: {
    compstat: [
      "Kategori",
      "Kod",
      "Nivå",
      "Perioden",
      "Föregående",
      "Förändring",
      "Förändring %",
      "Per 1 000 inv.",
      "Förra året",
      "Hittills i år",
      "Samma tid i fjol",
      "Bedömning",
      "Förväntat",
      "p-värde",
      "Ökar över tid",
      "Ökar över tid, i ord",
      "Ökar över tid, p-värde",
    ],
    districts: [
      "Område",
      "Kod",
      "Invånare",
      "Antal",
      "Per 1 000 inv.",
      "Föregående period",
      "Förändring",
      "Förändring %",
      { recorded: "Fynd (vandringar)", open: "Öppna fynd vid periodens slut" },
      "Godkända tips och rapporter",
      "Dialogteman",
    ],
    selection: [
      "Arbetsyta",
      "Period",
      "Periodtyp",
      "Datum som räknas",
      "Områden",
      "Kategorier",
      "Källor",
      "Exporterad",
    ],
  },
  en: {
    compstat: [
      "Category",
      "Code",
      "Level",
      "Period",
      "Previous",
      "Change",
      "Change %",
      "Per 1,000 inh.",
      "Last year",
      "Year to date",
      "Last year to date",
      "Assessment",
      "Expected",
      "p-value",
      "Rising over time",
      "Rising over time, in words",
      "Rising over time, p-value",
    ],
    districts: [
      "Area",
      "Code",
      "Inhabitants",
      "Count",
      "Per 1,000 inh.",
      "Previous period",
      "Change",
      "Change %",
      { recorded: "Findings (walks)", open: "Open findings at the period's end" },
      "Approved tips and reports",
      "Dialogue themes",
    ],
    selection: [
      "Workspace",
      "Period",
      "Period type",
      "Date counted",
      "Areas",
      "Categories",
      "Sources",
      "Exported",
    ],
  },
} as const;

/** Headers that change while the period runs: the counts are so far, the comparisons as many days. */
const SO_FAR = {
  sv: {
    compstat: (end: string) => ({
      3: `Perioden hittills (t.o.m. ${end}, ofullständig period)`,
      4: "Föregående, samma antal dagar",
      8: "Förra året, samma dagar",
    }),
    districts: (end: string) => ({
      3: `Antal hittills (t.o.m. ${end}, ofullständig period)`,
      4: "Per 1 000 inv. hittills",
      5: "Föregående period, samma antal dagar",
    }),
    period: (end: string) => `ofullständig period: hittills t.o.m. ${end}`,
    notJudged: "Ej bedömd: perioden pågår",
    fileMark: "hittills",
  },
  en: {
    compstat: (end: string) => ({
      3: `Period so far (to ${end}, incomplete period)`,
      4: "Previous, same number of days",
      8: "Last year, same days",
    }),
    districts: (end: string) => ({
      3: `Count so far (to ${end}, incomplete period)`,
      4: "Per 1,000 inh. so far",
      5: "Previous period, same number of days",
    }),
    period: (end: string) => `incomplete period: so far, to ${end}`,
    notJudged: "Not judged: the period is running",
    fileMark: "so-far",
  },
} as const;

/** The header row, with the so-far wording while the period runs. */
function headerRow(headers: readonly string[], changes: Record<number, string> | null): Cell[] {
  return headers.map((header, index) => changes?.[index] ?? header);
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The table on screen as a file, with the same filters; only aggregates, never free text. */
export async function exportTable({
  db,
  workspace,
  input,
}: {
  db: Db;
  workspace: CurrentWorkspace;
  input: Input;
}) {
  const headers = HEADERS[input.locale];
  const soFar = SO_FAR[input.locale];
  let rows: Cell[][];
  let period: { kind: string; start: string; end: string };
  let observed: { start: string; end: string; isComplete: boolean };
  if (input.view === "compstat") {
    const data = await getCompstat({ db, workspace, input });
    period = data.current;
    observed = { ...data.observed, isComplete: data.isComplete };
    const isJudged = data.isComplete || data.flagBasis === "sustained";
    rows = [
      headerRow(headers.compstat, data.isComplete ? null : soFar.compstat(data.observed.end)),
      ...data.rows.map((row) => [
        input.locale === "sv" ? row.nameSv : row.nameEn,
        row.code,
        row.depth,
        row.current,
        row.previous,
        row.change,
        round(row.changePercent, 1),
        round(row.rate, 2),
        row.lastYear,
        row.yearToDate,
        row.lastYearToDate,
        isJudged ? RISE_LABELS[input.locale][row.flag.level] : soFar.notJudged,
        isJudged ? round(row.flag.expected, 2) : null,
        isJudged ? round(row.flag.pValue, 4) : null,
        SUSTAINED_LABELS[input.locale][row.sustained.level],
        describeSustained(row.sustained, input.locale),
        round(row.sustained.pValue, 4),
      ]),
    ];
  } else {
    const data = await getDistrictStats({ db, workspace, filter: input });
    period = data.period;
    observed = { ...data.observed, isComplete: data.isComplete };
    rows = [
      // The findings column counts the backlog when the filter asks for open findings.
      headerRow(
        headers.districts.map((header) => (typeof header === "string" ? header : header[input.findingScope])),
        data.isComplete ? null : soFar.districts(data.observed.end),
      ),
      ...data.rows.map((row) => [
        row.name,
        row.code,
        row.population,
        row.count,
        round(row.rate, 2),
        row.previousCount,
        row.change,
        round(row.changePercent, 1),
        row.findings,
        row.reports,
        row.themes,
      ]),
    ];
  }
  const sourceNames =
    input.sourceIds.length > 0
      ? (
          await db.dataSource.findMany({
            where: { workspaceId: workspace.id, id: { in: input.sourceIds } },
            select: { name: true },
            orderBy: { name: "asc" },
          })
        ).map((source) => source.name)
      : [];
  const selection: Cell[][] = [
    [...headers.selection],
    [
      workspace.name,
      observed.isComplete
        ? `${period.start} – ${period.end}`
        : `${period.start} – ${period.end} (${soFar.period(observed.end)})`,
      period.kind,
      input.dateBasis,
      input.areaCodes.join(", ") || "alla",
      input.categoryCodes.join(", ") || "alla",
      sourceNames.join(", ") || "alla",
      new Date().toISOString(),
    ],
  ];
  const baseName = observed.isComplete
    ? `${workspace.slug}-${input.view}-${period.start}-${period.end}`
    : `${workspace.slug}-${input.view}-${period.start}-${observed.end}-${soFar.fileMark}`;
  return tableFile({ baseName, format: input.format, rows, selection });
}
