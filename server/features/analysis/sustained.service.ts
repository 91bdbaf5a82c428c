import { addDays, type DateRange, daysBetween, type Period } from "../../../shared/calendar.ts";
import type { RiseAssessment, RiseLevel } from "../../../shared/rising.ts";
import {
  assessSustained,
  type Coverage,
  SUSTAINED_SETTINGS,
  type SustainedAssessment,
  type SustainedLevel,
  type SustainedPlan,
} from "../../../shared/rising-over-time.ts";
import type { CompstatRow } from "../../../shared/schemas/analysis.ts";
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
 * (current, earlier, current, earlier, …) and each 4-week block's count, in one pass over the
 * daily counts: grouped by block, with a filtered sum per window range. Dates are parameters.
 */
export async function sustainedCounts(scope: CountScope, plan: SustainedPlan) {
  const ranges: DateRange[] = plan.windows.flatMap((window) => [window.current, window.earlier]);
  const counts = new Map<string, SustainedCounts>();
  const firstBlock = plan.blocks[0];
  if (ranges.length === 0 || !firstBlock) return counts;
  const blockDays = daysBetween(firstBlock.start, firstBlock.end) + 1;
  const from = [firstBlock.start, ...ranges.map((range) => range.start)].sort()[0] ?? firstBlock.start;
  const sums = ranges
    .map(
      (_, k) =>
        `COALESCE(SUM(x.${scope.countColumn}) FILTER (WHERE x.day BETWEEN $${7 + 2 * k}::date AND $${8 + 2 * k}::date), 0)::int AS r${k}`,
    )
    .join(", ");
  const rows = await scope.db.$queryRawUnsafe<Record<string, string | number | null>[]>(
    `SELECT ${keyColumns(scope.keys)}, (($6::date - x.day) / ${blockDays})::int AS b,
            SUM(x.${scope.countColumn})::int AS n, ${sums}
     FROM daily_incident_counts x
     WHERE ${FILTERS} AND x.day BETWEEN $5::date AND $6::date GROUP BY 1, 2, 3`,
    ...filterParameters(scope),
    from,
    plan.end,
    ...ranges.flatMap((range) => [range.start, range.end]),
  );
  for (const row of rows) {
    const key = `${String(row.category)}|${String(row.area)}`;
    let value = counts.get(key);
    if (!value) {
      value = emptyCounts(plan);
      counts.set(key, value);
    }
    ranges.forEach((_, k) => {
      value.windows[k] = (value.windows[k] ?? 0) + Number(row[`r${k}`] ?? 0);
    });
    const block = plan.blocks.length - 1 - Number(row.b);
    if (block >= 0) value.blocks[block] = (value.blocks[block] ?? 0) + Number(row.n ?? 0);
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

/** The first period of a history that lies within the data (earlier ones are not zeros but unknown). */
export function firstCoveredIndex(history: readonly Period[], coverage: Coverage | null): number {
  if (!coverage) return history.length;
  const start = addDays(coverage.first, -SUSTAINED_SETTINGS.coverageSlackDays);
  const index = history.findIndex((period) => period.start >= start);
  return index < 0 ? history.length : index;
}

const SUSTAINED_AS_PERIOD_LEVEL: Record<SustainedLevel, RiseLevel> = {
  sure: "clear",
  likely: "possible",
  none: "normal",
  too_few: "too_few",
};

/** The row's flag: the period flag, or for years and quarters the sustained flag in the period flag's terms. */
export function rowFlag(
  period: RiseAssessment,
  sustained: SustainedAssessment,
  isSustained: boolean,
): CompstatRow["flag"] {
  if (!isSustained) {
    const { level, expected, pValue, dispersion, periods, windowObserved, windowExpected } = period;
    return { level, expected, pValue, dispersion, periods, windowObserved, windowExpected };
  }
  const earlier = sustained.window?.earlier ?? 0;
  return {
    level: SUSTAINED_AS_PERIOD_LEVEL[sustained.level],
    expected: earlier,
    pValue: sustained.pValue,
    dispersion: sustained.dispersion,
    periods: 1,
    windowObserved: sustained.window?.current ?? period.observed,
    windowExpected: earlier,
  };
}
