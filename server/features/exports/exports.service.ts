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
  let rows: Cell[][];
  let period: { kind: string; start: string; end: string };
  if (input.view === "compstat") {
    const data = await getCompstat({ db, workspace, input });
    period = data.current;
    rows = [
      [...headers.compstat],
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
        RISE_LABELS[input.locale][row.flag.level],
        round(row.flag.expected, 2),
        round(row.flag.pValue, 4),
        SUSTAINED_LABELS[input.locale][row.sustained.level],
        describeSustained(row.sustained, input.locale),
        round(row.sustained.pValue, 4),
      ]),
    ];
  } else {
    const data = await getDistrictStats({ db, workspace, filter: input });
    period = data.period;
    rows = [
      // The findings column counts the backlog when the filter asks for open findings.
      headers.districts.map((header) => (typeof header === "string" ? header : header[input.findingScope])),
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
      `${period.start} – ${period.end}`,
      period.kind,
      input.dateBasis,
      input.areaCodes.join(", ") || "alla",
      input.categoryCodes.join(", ") || "alla",
      sourceNames.join(", ") || "alla",
      new Date().toISOString(),
    ],
  ];
  const baseName = `${workspace.slug}-${input.view}-${period.start}-${period.end}`;
  return tableFile({ baseName, format: input.format, rows, selection });
}
