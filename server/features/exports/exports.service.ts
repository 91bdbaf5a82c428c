import type { z } from "zod";
import { percentChange } from "../../../shared/rates.ts";
import { RISE_LABELS } from "../../../shared/rising.ts";
import { describeSustained, SUSTAINED_LABELS } from "../../../shared/rising-over-time.ts";
import type { ExportInputSchema } from "../../../shared/schemas/analysis.ts";
import { type SortKey, sortRows, sortTreeRows } from "../../../shared/table-sort.ts";
import type { Db } from "../../db/client.ts";
import type { StatisticsScope } from "../../service-scope.ts";
import { getCompstat } from "../analysis/analysis.service.ts";
import { type ResolvedSelection, resolveSelection } from "../incidents/incident-selection.ts";
import { getDistrictStats } from "../overview/overview.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { EXPORT_LABELS } from "./export-labels.ts";
import { namedList, periodText, selectionSheet, sortText } from "./selection.ts";
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

/** Which header names each sortable column of the screen's tables (its index in HEADERS). */
const SORT_HEADER_INDEX = {
  compstat: {
    name: 0,
    current: 3,
    previous: 4,
    change: 5,
    changePercent: 6,
    rate: 7,
    lastYear: 8,
    yearToDate: 9,
    lastYearToDate: 10,
    flag: 11,
    sustained: 14,
  },
  districts: {
    name: 0,
    population: 2,
    count: 3,
    rate: 4,
    previousCount: 5,
    change: 6,
    changePercent: 7,
    findings: 8,
    reports: 9,
    themes: 10,
  },
} as const satisfies Record<Input["view"], Record<string, number>>;

/** CompStat's sort values, as its table's columns read them (the flags sort by p, missing last). */
function compstatSortValue(row: CompstatRows[number], id: string, locale: Input["locale"]): unknown {
  if (id === "name") return locale === "sv" ? row.nameSv : row.nameEn;
  if (id === "flag") return row.flag.pValue ?? 2;
  if (id === "sustained") return row.sustained.pValue ?? 2;
  return row[id as keyof typeof row];
}
type CompstatRows = Awaited<ReturnType<typeof getCompstat>>["rows"];

/** The rows' sum where rows nest (a group and its categories): only rows whose parent is not listed count. */
function compstatTotal(rows: CompstatRows, label: string): Cell[] {
  const ids = new Set(rows.map((row) => row.id));
  const roots = rows.filter((row) => !(row.parentId && ids.has(row.parentId)));
  const sum = (pick: (row: CompstatRows[number]) => number) =>
    roots.reduce((total, row) => total + pick(row), 0);
  const current = sum((row) => row.current);
  const previous = sum((row) => row.previous);
  return [
    label,
    null,
    null,
    current,
    previous,
    current - previous,
    round(percentChange(current, previous), 1),
    null,
    sum((row) => row.lastYear),
    sum((row) => row.yearToDate),
    sum((row) => row.lastYearToDate),
  ];
}

/**
 * The table on screen as a file, with the same filters, in the order on screen and with a total
 * row; only aggregates, never free text. The Urval sheet says what was chosen in the user's words.
 */
export async function exportTable(scope: StatisticsScope, input: Input, now = new Date()) {
  const { workspace } = scope;
  // Resolved once: the table's numbers and the Urval sheet's names come from the same selection.
  // The district table counts by registration date, as on screen, whatever the input says.
  const resolved = await resolveSelection(
    scope,
    input.view === "districts" ? { ...input, dateBasis: "registered" } : input,
  );
  const headers = HEADERS[input.locale];
  const soFar = SO_FAR[input.locale];
  const labels = EXPORT_LABELS[input.locale];
  const sort: SortKey[] = input.sort;
  let rows: Cell[][];
  let period: { kind: keyof typeof labels.periodKinds; start: string; end: string };
  let observed: { start: string; end: string; isComplete: boolean };
  let headerOf: (id: string) => string;
  if (input.view === "compstat") {
    const data = await getCompstat(scope, input, resolved);
    period = data.current as typeof period;
    observed = { ...data.observed, isComplete: data.isComplete };
    const isJudged = data.isComplete || data.flagBasis === "sustained";
    const header = headerRow(headers.compstat, data.isComplete ? null : soFar.compstat(data.observed.end));
    headerOf = (id) =>
      String(header[SORT_HEADER_INDEX.compstat[id as keyof typeof SORT_HEADER_INDEX.compstat]]);
    const ordered = sortTreeRows(data.rows, sort, (row, id) => compstatSortValue(row, id, input.locale));
    rows = [
      header,
      ...ordered.map((row) => [
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
      compstatTotal(data.rows, labels.total),
    ];
  } else {
    const data = await getDistrictStats(scope, input, resolved);
    period = data.period;
    observed = { ...data.observed, isComplete: data.isComplete };
    // The findings column counts the backlog when the filter asks for open findings.
    const header = headerRow(
      headers.districts.map((header) => (typeof header === "string" ? header : header[input.findingScope])),
      data.isComplete ? null : soFar.districts(data.observed.end),
    );
    headerOf = (id) =>
      String(header[SORT_HEADER_INDEX.districts[id as keyof typeof SORT_HEADER_INDEX.districts]]);
    const districtRow = (row: Omit<(typeof data.rows)[number], "areaId" | "code">, code: string | null) => [
      row.name,
      code,
      row.population,
      row.count,
      round(row.rate, 2),
      row.previousCount,
      row.change,
      round(row.changePercent, 1),
      row.findings,
      row.reports,
      row.themes,
    ];
    rows = [
      header,
      ...sortRows(data.rows, sort, (row, id) => row[id as keyof typeof row]).map((row) =>
        districtRow(row, row.code),
      ),
      districtRow({ ...data.total, name: labels.total }, null),
    ];
  }
  const selection = await tableSelection({ ...scope, resolved, input, period, observed, headerOf, now });
  const view = labels.fileViews[input.view];
  const baseName = observed.isComplete
    ? `${workspace.slug}-${view}-${period.start}-${period.end}`
    : `${workspace.slug}-${view}-${period.start}-${observed.end}-${labels.soFarFileMark}`;
  return tableFile({ baseName, format: input.format, rows, selection, sheetNames: labels.sheets });
}

/** The Urval sheet of the overview's and CompStat's tables: every filter, by name, in the user's words. */
async function tableSelection({
  db,
  workspace,
  resolved,
  input,
  period,
  observed,
  headerOf,
  now,
}: {
  db: Db;
  workspace: CurrentWorkspace;
  resolved: ResolvedSelection;
  input: Input;
  period: { kind: keyof (typeof EXPORT_LABELS)["sv"]["periodKinds"]; start: string; end: string };
  observed: { start: string; end: string; isComplete: boolean };
  headerOf: (id: string) => string;
  now: Date;
}): Promise<Cell[][]> {
  const labels = EXPORT_LABELS[input.locale];
  const soFar = SO_FAR[input.locale];
  const { areas, categories } = resolved;
  const sources =
    input.sourceIds.length > 0
      ? await db.dataSource.findMany({
          where: { workspaceId: workspace.id, id: { in: input.sourceIds } },
          select: { name: true },
          orderBy: { name: "asc" },
        })
      : [];
  const areaName = new Map(areas.flatMap((area) => (area.code ? [[area.code, area.name] as const] : [])));
  const categoryName = new Map(
    categories.map((category) => [category.code, input.locale === "sv" ? category.nameSv : category.nameEn]),
  );
  const text = periodText(period, labels);
  const rows: [string, Cell][] = [
    [labels.selection.workspace, workspace.name],
    [labels.selection.table, labels.tables[input.view]],
    [labels.selection.period, observed.isComplete ? text : `${text}, ${soFar.period(observed.end)}`],
    [labels.selection.periodKind, labels.periodKinds[period.kind]],
    [labels.selection.areas, namedList(input.areaCodes, (code) => areaName.get(code), labels.all)],
    [
      labels.selection.categories,
      namedList(input.categoryCodes, (code) => categoryName.get(code), labels.all),
    ],
    [labels.selection.sources, sources.map((source) => source.name).join(", ") || labels.all],
  ];
  if (input.view === "compstat") rows.push([labels.selection.dateBasis, labels.dateBases[input.dateBasis]]);
  else
    rows.push(
      [labels.selection.findingScope, labels.findingScopes[input.findingScope]],
      [
        labels.selection.findingStatuses,
        input.findingStatuses.map((status) => labels.findingStatuses[status]).join(", ") || labels.all,
      ],
      [labels.selection.themes, input.themes.map((theme) => labels.themes[theme]).join(", ") || labels.all],
    );
  rows.push([labels.selection.sort, sortText(input.sort, headerOf, labels)]);
  return selectionSheet(rows, { locale: input.locale, timeZone: workspace.timezone, now });
}
