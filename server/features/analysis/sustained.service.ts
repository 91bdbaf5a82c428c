import type { DateRange } from "../../../shared/calendar.ts";
import {
  assessSustained,
  type Coverage,
  type SustainedAssessment,
  type SustainedPlan,
} from "../../../shared/rising-over-time.ts";
import type { Db } from "../../db/client.ts";

/** What to count: the same selection CompStat and Ökar nu count (see analysis.service.ts). */
export type CountScope = {
  db: Db;
  workspaceId: string;
  areaIds: string[];
  categoryIds: string[] | null;
  sourceIds: string[];
  countColumn: "registered" | "occurred";
  keys: "category" | "area" | "both";
};

const FILTERS = `x.workspace_id = $1::uuid
       AND x.area_id IN (SELECT value::uuid FROM json_array_elements_text($2::json))
       AND ($3::json IS NULL OR x.category_id IN (SELECT value::uuid FROM json_array_elements_text($3::json)))
       AND ($4::json IS NULL OR x.data_source_id IN (SELECT value::uuid FROM json_array_elements_text($4::json)))`;

function filterParameters(scope: CountScope) {
  return [
    scope.workspaceId,
    JSON.stringify(scope.areaIds),
    scope.categoryIds ? JSON.stringify(scope.categoryIds) : null,
    scope.sourceIds.length > 0 ? JSON.stringify(scope.sourceIds) : null,
  ];
}

function keyColumns(keys: CountScope["keys"]) {
  const category = keys === "area" ? "NULL::text" : "x.category_id::text";
  const area = keys === "category" ? "NULL::text" : "x.area_id::text";
  return `${category} AS category, ${area} AS area`;
}

/** The first and last day with a registered crime in the selected sources (two index look-ups). */
export async function dataCoverage(scope: Pick<CountScope, "db" | "workspaceId" | "sourceIds">) {
  const rows = await scope.db.$queryRawUnsafe<{ first: Date | null; last: Date | null }[]>(
    `SELECT MIN(x.day) AS first, MAX(x.day) AS last FROM daily_incident_counts x
     WHERE x.workspace_id = $1::uuid AND x.registered > 0
       AND ($2::json IS NULL OR x.data_source_id IN (SELECT value::uuid FROM json_array_elements_text($2::json)))`,
    scope.workspaceId,
    scope.sourceIds.length > 0 ? JSON.stringify(scope.sourceIds) : null,
  );
  const { first, last } = rows[0] ?? { first: null, last: null };
  if (!first || !last) return null;
  return {
    first: first.toISOString().slice(0, 10),
    last: last.toISOString().slice(0, 10),
  } satisfies Coverage;
}

export type SustainedCounts = { windows: number[]; blocks: number[] };

/**
 * Per category and area (as `scope.keys` asks): each window's count this year and a year earlier
 * (current, earlier, current, earlier, …) and each 4-week block's count, in one pass per kind of
 * range. Dates are parameters.
 */
export async function sustainedCounts(scope: CountScope, plan: SustainedPlan) {
  const ranges: DateRange[] = plan.windows.flatMap((window) => [window.current, window.earlier]);
  const counts = new Map<string, SustainedCounts>();
  const entry = (category: string, area: string) => {
    const key = `${category}|${area}`;
    let value = counts.get(key);
    if (!value) {
      value = { windows: new Array(ranges.length).fill(0), blocks: new Array(plan.blocks.length).fill(0) };
      counts.set(key, value);
    }
    return value;
  };
  const firstBlock = plan.blocks[0];
  if (ranges.length === 0 || !firstBlock) return counts;
  const from = [firstBlock.start, ...ranges.map((range) => range.start)].sort()[0] ?? firstBlock.start;
  const sums = ranges
    .map(
      (_, k) =>
        `COALESCE(SUM(x.${scope.countColumn}) FILTER (WHERE x.day BETWEEN $${7 + 2 * k}::date AND $${8 + 2 * k}::date), 0)::int AS r${k}`,
    )
    .join(", ");
  const windowRows = await scope.db.$queryRawUnsafe<Record<string, string | number | null>[]>(
    `SELECT ${keyColumns(scope.keys)}, ${sums} FROM daily_incident_counts x
     WHERE ${FILTERS} AND x.day BETWEEN $5::date AND $6::date GROUP BY 1, 2`,
    ...filterParameters(scope),
    from,
    plan.end,
    ...ranges.flatMap((range) => [range.start, range.end]),
  );
  for (const row of windowRows) {
    const value = entry(String(row.category), String(row.area));
    ranges.forEach((_, k) => {
      value.windows[k] = Number(row[`r${k}`] ?? 0);
    });
  }
  const blockDays = Math.round((Date.parse(firstBlock.end) - Date.parse(firstBlock.start)) / 86_400_000 + 1);
  const blockRows = await scope.db.$queryRawUnsafe<
    { category: string; area: string; b: number; n: number }[]
  >(
    `SELECT ${keyColumns(scope.keys)}, (($6::date - x.day) / ${blockDays})::int AS b,
            SUM(x.${scope.countColumn})::int AS n
     FROM daily_incident_counts x
     WHERE ${FILTERS} AND x.day BETWEEN $5::date AND $6::date GROUP BY 1, 2, 3`,
    ...filterParameters(scope),
    firstBlock.start,
    plan.end,
  );
  for (const row of blockRows) {
    const value = entry(String(row.category), String(row.area));
    const index = plan.blocks.length - 1 - row.b;
    if (index >= 0) value.blocks[index] = (value.blocks[index] ?? 0) + row.n;
  }
  return counts;
}

/** Adds counts of the same shape (for rolling children up into their parents). */
export function addCounts(target: SustainedCounts, source: SustainedCounts) {
  source.windows.forEach((value, k) => {
    target.windows[k] = (target.windows[k] ?? 0) + value;
  });
  source.blocks.forEach((value, k) => {
    target.blocks[k] = (target.blocks[k] ?? 0) + value;
  });
}

export function emptyCounts(plan: SustainedPlan): SustainedCounts {
  return {
    windows: new Array(plan.windows.length * 2).fill(0),
    blocks: new Array(plan.blocks.length).fill(0),
  };
}

/** The sustained flag for one row's counts. */
export function assessCounts(plan: SustainedPlan, counts: SustainedCounts): SustainedAssessment {
  return assessSustained({
    windows: plan.windows.map((window, k) => ({
      key: window.key,
      weeks: window.weeks,
      current: counts.windows[2 * k] ?? 0,
      earlier: counts.windows[2 * k + 1] ?? 0,
    })),
    blocks: counts.blocks,
  });
}
