import {
  DEFAULT_UNIT,
  parseDecimal,
  parseInterval,
  SURVEY_COLUMNS,
  type SurveyKind,
  type SurveyUnit,
  unitRange,
} from "../../../shared/surveys.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { locateAliasedColumns } from "../imports/csv.ts";
import { type ImportFileOptions, recordRejectedImport, runImportBatch } from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";
import { readTable, type Table } from "../imports/read-table.ts";

type SurveyRow = {
  indicator: string;
  area_id: string;
  year: number;
  unit: SurveyUnit;
  value: number;
  lower: number | null;
  upper: number | null;
  respondents: number | null;
};

type Column = keyof typeof SURVEY_COLUMNS;
const REQUIRED: Column[] = ["indicator", "area", "year", "value"];

const UNIT_WORDS: Record<string, SurveyUnit> = {
  index: "index",
  procent: "percent",
  percent: "percent",
  "%": "percent",
  andel: "percent",
};

type AreaRef = { id: string; code: string | null; name: string; parentId: string | null };

/** Finds an area by code or name; a name shared along one chain (a RegSO of one DeSO) means the outermost. */
function createAreaResolver(areas: AreaRef[]) {
  const parentOf = new Map(areas.map((area) => [area.id, area.parentId]));
  const byCode = new Map(areas.filter((area) => area.code).map((area) => [area.code?.toLowerCase(), area]));
  const byName = new Map<string, AreaRef[]>();
  for (const area of areas) {
    const key = area.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), area]);
  }
  const isBelowAnother = (candidate: AreaRef, candidates: AreaRef[]) => {
    for (let up = parentOf.get(candidate.id); up; up = parentOf.get(up))
      if (candidates.some((other) => other.id === up)) return true;
    return false;
  };
  return (text: string): { area: AreaRef } | { error: string } => {
    const key = text.toLowerCase();
    const coded = byCode.get(key);
    if (coded) return { area: coded };
    const named = byName.get(key) ?? [];
    const outermost = named.filter((candidate) => !isBelowAnother(candidate, named));
    if (outermost.length === 1 && outermost[0]) return { area: outermost[0] };
    return {
      error:
        outermost.length > 1
          ? `${text} är namnet på ${outermost.length} områden: ange koden`
          : `okänt område ${text || "(tomt)"}: varken kod eller namn på ett område i arbetsytan`,
    };
  };
}

type RowContext = {
  kind: SurveyKind;
  cell: (column: Column) => string;
  resolveArea: ReturnType<typeof createAreaResolver>;
};

/** One row as a result, or the column and reason it is refused. */
function readSurveyRow({
  kind,
  cell,
  resolveArea,
}: RowContext): SurveyRow | { column: Column; reason: string } {
  const indicator = cell("indicator");
  if (!indicator) return { column: "indicator", reason: "indikatorn saknas" };
  if (indicator.length > 200) return { column: "indicator", reason: "längre än 200 tecken" };
  const resolved = resolveArea(cell("area"));
  if ("error" in resolved) return { column: "area", reason: resolved.error };
  const year = Number(cell("year"));
  if (!/^\d{4}$/.test(cell("year")) || year < 1990 || year > 2100)
    return { column: "year", reason: `inte ett årtal: ${cell("year") || "(tomt)"}` };
  const unitText = cell("unit").toLowerCase();
  const unit = unitText ? UNIT_WORDS[unitText] : DEFAULT_UNIT[kind];
  if (!unit) return { column: "unit", reason: `okänd enhet ${cell("unit")} (index eller procent)` };
  const value = parseDecimal(cell("value"));
  if (value === null) return { column: "value", reason: `inte ett tal: ${cell("value") || "(tomt)"}` };
  const range = unitRange(kind, unit);
  if (range && (value < range[0] || value > range[1]))
    return { column: "value", reason: `${cell("value")} ligger utanför skalan ${range[0]}–${range[1]}` };
  let lower: number | null = null;
  let upper: number | null = null;
  let intervalColumn: Column = "interval";
  if (cell("interval")) {
    const interval = parseInterval(cell("interval"), value);
    if (!interval)
      return {
        column: "interval",
        reason: `inte ett intervall (t.ex. 12,1–15,3 eller ±2,3): ${cell("interval")}`,
      };
    ({ lower, upper } = interval);
  } else if (cell("lower") || cell("upper")) {
    intervalColumn = "lower";
    lower = parseDecimal(cell("lower"));
    upper = parseDecimal(cell("upper"));
    if (lower === null) return { column: "lower", reason: `inte ett tal: ${cell("lower") || "(tomt)"}` };
    if (upper === null) return { column: "upper", reason: `inte ett tal: ${cell("upper") || "(tomt)"}` };
  }
  if (lower !== null && upper !== null && !(lower <= value && value <= upper))
    return {
      column: intervalColumn,
      reason: `intervallet ${lower}–${upper} innehåller inte värdet ${value}`,
    };
  const respondents = cell("respondents") ? Number(cell("respondents").replace(/[\s\u00a0]/g, "")) : null;
  if (respondents !== null && (!Number.isInteger(respondents) || respondents < 0))
    return { column: "respondents", reason: `inte ett antal svarande: ${cell("respondents")}` };
  return { indicator, area_id: resolved.area.id, year, unit, value, lower, upper, respondents };
}

/** Validates every row first: the file is imported whole or not at all. */
async function parseSurveyTable(db: Db, workspaceId: string, kind: SurveyKind, table: Table) {
  const issues = createIssueList();
  const columns = locateAliasedColumns(table.header, SURVEY_COLUMNS);
  const columnName = (column: Column) => columns.get(column)?.name ?? SURVEY_COLUMNS[column][0];
  for (const column of REQUIRED)
    if (!columns.has(column))
      issues.add({
        row: 1,
        column: columnName(column),
        reason: `kolumnen saknas i rubrikraden (godtas: ${SURVEY_COLUMNS[column].join(", ")})`,
      });
  if (issues.total > 0) return { issues, rows: [] };
  const resolveArea = createAreaResolver(
    await db.area.findMany({
      where: { workspaceId },
      select: { id: true, code: true, name: true, parentId: true },
    }),
  );
  const rows: SurveyRow[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const [position, cells] of table.rows.entries()) {
    const line = position + 2;
    const cell = (column: Column) => {
      const found = columns.get(column);
      return found ? (cells[found.index] ?? "").trim() : "";
    };
    const row = readSurveyRow({ kind, cell, resolveArea });
    if ("reason" in row) {
      issues.add({ row: line, column: columnName(row.column), reason: row.reason });
      continue;
    }
    const key = `${row.indicator.toLowerCase()}|${row.area_id}|${row.year}`;
    const first = firstLineOfKey.get(key);
    if (first) {
      issues.add({
        row: line,
        column: columnName("indicator"),
        reason: `samma indikator, område och år som rad ${first}`,
      });
      continue;
    }
    firstLineOfKey.set(key, line);
    rows.push(row);
  }
  if (rows.length === 0 && issues.total === 0)
    issues.add({ row: 2, column: "-", reason: "filen har inga rader" });
  return { issues, rows };
}

/** The workspace's source for a named survey, created on first use; its kind cannot change. */
async function ensureSurveySource(db: Db, workspaceId: string, name: string, kind: SurveyKind) {
  const existing = await db.dataSource.findFirst({
    where: { workspaceId, kind: "survey", name },
    select: { id: true, surveyKind: true },
  });
  if (existing && existing.surveyKind !== kind)
    throw new AppError("CONFLICT", {
      reason: "SURVEY_ALREADY_IMPORTED",
      params: { name, kind: existing.surveyKind ?? "" },
    });
  return (
    existing ??
    db.dataSource.create({
      data: { workspaceId, kind: "survey", name, surveyKind: kind },
      select: { id: true },
    })
  );
}

/**
 * Imports survey results (trygghetsmätning, NTU, enkät) from CSV or XLSX: one row per indicator,
 * area and year with the value, its interval and respondents. Rows the file names are added or
 * replaced (the replaced values are kept for undo); unchanged rows are not written, so repeating
 * an import changes nothing. Rows the file does not name are kept.
 */
export async function importSurveyResults(
  options: ImportFileOptions & { kind: SurveyKind; surveyName: string },
) {
  const { db, workspaceId } = options;
  const source = await ensureSurveySource(db, workspaceId, options.surveyName, options.kind);
  const table = await readTable(options.fileName, Buffer.from(options.content));
  const { issues, rows } = await parseSurveyTable(db, workspaceId, options.kind, table);
  if (issues.total > 0) {
    await recordRejectedImport(
      { ...options, dataSourceId: source.id, kind: "survey" },
      issues.listed,
      issues.total,
    );
    throw new ImportRejectedError(issues.listed, issues.total);
  }
  return runImportBatch(
    { ...options, dataSourceId: source.id, kind: "survey", rowCount: rows.length },
    async (tx, batchId) => {
      const params = [workspaceId, source.id, batchId, JSON.stringify(rows)] as const;
      const incoming = `json_to_recordset($4::json) AS r(indicator text, area_id uuid, year int, unit text,
        value float8, lower float8, upper float8, respondents int)`;
      await tx.$executeRawUnsafe(
        `INSERT INTO replaced_survey_results (workspace_id, replaced_by_batch_id, data_source_id, indicator, area_id,
           year, unit, value, lower, upper, respondents, import_batch_id)
         SELECT s.workspace_id, $3::uuid, s.data_source_id, s.indicator, s.area_id, s.year, s.unit, s.value, s.lower,
           s.upper, s.respondents, s.import_batch_id
         FROM survey_results s JOIN ${incoming}
           ON s.indicator = r.indicator AND s.area_id = r.area_id AND s.year = r.year
         WHERE s.workspace_id = $1::uuid AND s.data_source_id = $2::uuid
           AND (s.unit, s.value, s.lower, s.upper, s.respondents) IS DISTINCT FROM (r.unit, r.value, r.lower, r.upper, r.respondents)`,
        ...params,
      );
      const written = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
        `INSERT INTO survey_results (workspace_id, data_source_id, indicator, area_id, year, unit, value, lower, upper,
           respondents, import_batch_id)
         SELECT $1::uuid, $2::uuid, r.indicator, r.area_id, r.year, r.unit, r.value, r.lower, r.upper, r.respondents, $3::uuid
         FROM ${incoming}
         ON CONFLICT (workspace_id, data_source_id, indicator, area_id, year) DO UPDATE SET unit = EXCLUDED.unit,
           value = EXCLUDED.value, lower = EXCLUDED.lower, upper = EXCLUDED.upper, respondents = EXCLUDED.respondents,
           import_batch_id = EXCLUDED.import_batch_id
         WHERE (survey_results.unit, survey_results.value, survey_results.lower, survey_results.upper,
           survey_results.respondents) IS DISTINCT FROM (EXCLUDED.unit, EXCLUDED.value, EXCLUDED.lower, EXCLUDED.upper,
           EXCLUDED.respondents)
         RETURNING (xmax = 0) AS inserted`,
        ...params,
      );
      const added = written.filter((row) => row.inserted).length;
      return {
        rows: rows.length,
        added,
        replaced: written.length - added,
        unchanged: rows.length - written.length,
      };
    },
  );
}
