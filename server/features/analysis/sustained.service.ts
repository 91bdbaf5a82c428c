import { addDays, type DateRange, type Period } from "../../../shared/calendar.ts";
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
import { type Db, queryPlain } from "../../db/client.ts";
import { type CountSelection, countRanges } from "../incidents/incident-counts.ts";

/** The first and last day with a registered crime in the selected sources (two index look-ups). */
export async function dataCoverage(scope: { db: Db; workspaceId: string; sourceIds: readonly string[] }) {
  // Each end read along the primary key (workspace, day, …) from its side: two short index scans,
  // where MIN/MAX with the source condition scanned the workspace's every daily row.
  const end = (direction: "ASC" | "DESC") =>
    `(SELECT x.day::text FROM daily_incident_counts x
      WHERE x.workspace_id = $1::uuid AND x.registered > 0
        AND ($2::json IS NULL OR x.data_source_id IN (SELECT value::uuid FROM json_array_elements_text($2::json)))
      ORDER BY x.workspace_id ${direction}, x.day ${direction} LIMIT 1)`;
  const [row] = await queryPlain<{ first: string | null; last: string | null }>(
    scope.db,
    `SELECT ${end("ASC")} AS first, ${end("DESC")} AS last`,
    [scope.workspaceId, scope.sourceIds.length > 0 ? JSON.stringify(scope.sourceIds) : null],
    { name: "est_data_coverage" },
  );
  if (!row?.first || !row.last) return null;
  return { first: row.first, last: row.last } satisfies Coverage;
}

export type SustainedCounts = { windows: number[]; blocks: number[] };

/**
 * Per key of the selection: each window's count this year and a year earlier (current, earlier,
 * current, earlier, …) and each 4-week block's count, in one statement (incidents/incident-counts.ts).
 */
export async function sustainedCounts(db: Db, selection: CountSelection, plan: SustainedPlan) {
  const ranges: DateRange[] = plan.windows.flatMap((window) => [window.current, window.earlier]);
  const counts = new Map<string, SustainedCounts>();
  if (ranges.length === 0 || plan.blocks.length === 0) return counts;
  const sums = await countRanges(db, selection, [...ranges, ...plan.blocks]);
  for (const [key, values] of sums)
    counts.set(key, { windows: values.slice(0, ranges.length), blocks: values.slice(ranges.length) });
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
