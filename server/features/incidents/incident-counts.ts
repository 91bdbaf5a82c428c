import { addDays, daysBetween, type LocalDate, mondayOf } from "../../../shared/calendar.ts";
import { type Db, queryPlain } from "../../db/client.ts";
import { sumWeeks, weeklyTable } from "./weekly-memory.ts";

/**
 * The one way the statistics read incident counts (CompStat, Ökar nu, the trend, ökar över tid):
 * a selection resolved once per request, and any number of date ranges answered in one statement
 * with every value a parameter.
 *
 * Whole ISO weeks come from a weekly rollup when the selection allows one (every area, keyed by
 * category: weekly_category_counts; every category, keyed by area: weekly_area_counts) or else
 * from the daily counts grouped by week; the days at a range's ends that do not fill a week come
 * from the daily counts. Each key's sums arrive as one text line ("w<offset>:<n>,d<offset>:<n>…"),
 * which keeps the rows sent back to one per key.
 */
export type CountSelection = {
  workspaceId: string;
  /** The areas to count; null: every area of the workspace. */
  areaIds: readonly string[] | null;
  /** The categories to count; null: every category. */
  categoryIds: readonly string[] | null;
  /** The data sources to count; empty: every source. */
  sourceIds: readonly string[];
  /** Which date the counts go by. */
  basis: "registered" | "occurred";
  /** What a count is per: a category, an area, both (`category|area`) or nothing (one total, key ""). */
  keys: "category" | "area" | "both" | "none";
};

export type DayRange = { start: LocalDate; end: LocalDate };

type Plan = { weeks: LocalDate[]; days: LocalDate[] };

/** Each range as the whole weeks inside it and the days outside them. */
function splitRange(range: DayRange): Plan {
  const weeks: LocalDate[] = [];
  const days: LocalDate[] = [];
  if (range.end < range.start) return { weeks, days };
  const firstMonday = range.start === mondayOf(range.start) ? range.start : addDays(mondayOf(range.start), 7);
  let day = range.start;
  while (day < firstMonday && day <= range.end) {
    days.push(day);
    day = addDays(day, 1);
  }
  while (addDays(day, 6) <= range.end) {
    weeks.push(day);
    day = addDays(day, 7);
  }
  while (day <= range.end) {
    days.push(day);
    day = addDays(day, 1);
  }
  return { weeks, days };
}

const json = (ids: readonly string[] | null) => (ids === null ? null : JSON.stringify(ids));

function keyExpression(keys: CountSelection["keys"]) {
  switch (keys) {
    case "category":
      return "x.category_id::text";
    case "area":
      return "x.area_id::text";
    case "both":
      return "x.category_id::text || '|' || x.area_id::text";
    default:
      return "''";
  }
}

/** The weekly source for a selection: a rollup when one holds every row the selection counts. */
function weeklySource(selection: CountSelection) {
  const { keys, areaIds, categoryIds } = selection;
  if (areaIds === null && (keys === "category" || keys === "none"))
    return { table: "weekly_category_counts" as const, hasArea: false, hasCategory: true };
  if (categoryIds === null && (keys === "area" || keys === "none"))
    return { table: "weekly_area_counts" as const, hasArea: true, hasCategory: false };
  return null;
}

function filters(hasArea: boolean, hasCategory: boolean) {
  return [
    "x.workspace_id = $1::uuid",
    hasArea
      ? "($2::json IS NULL OR x.area_id IN (SELECT value::uuid FROM json_array_elements_text($2::json)))"
      : "$2::json IS NULL",
    hasCategory
      ? "($3::json IS NULL OR x.category_id IN (SELECT value::uuid FROM json_array_elements_text($3::json)))"
      : "$3::json IS NULL",
    "($4::json IS NULL OR x.data_source_id IN (SELECT value::uuid FROM json_array_elements_text($4::json)))",
  ].join(" AND ");
}

function statementFor(selection: CountSelection) {
  const basis = selection.basis === "occurred" ? "occurred" : "registered";
  const key = keyExpression(selection.keys);
  const rollup = weeklySource(selection);
  // Whole weeks: from the rollup, or the daily counts grouped by their week.
  const weekly = rollup
    ? `SELECT ${key} AS k, 'w' || (x.week - $5::date) AS o, SUM(x.${basis}) AS n
       FROM ${rollup.table} x
       WHERE ${filters(rollup.hasArea, rollup.hasCategory)}
         AND x.week BETWEEN $7::date AND $8::date
         AND x.week = ANY (ARRAY(SELECT value::date FROM json_array_elements_text($6::json)))
       GROUP BY 1, 2`
    : `SELECT ${key} AS k, 'w' || (x.day - (EXTRACT(ISODOW FROM x.day)::int - 1) - $5::date) AS o, SUM(x.${basis}) AS n
       FROM daily_incident_counts x
       WHERE ${filters(true, true)}
         AND x.day BETWEEN $7::date AND $8::date
         AND x.day - (EXTRACT(ISODOW FROM x.day)::int - 1) = ANY (ARRAY(SELECT value::date FROM json_array_elements_text($6::json)))
       GROUP BY 1, 2`;
  const daily = `SELECT ${key} AS k, 'd' || (x.day - $5::date) AS o, SUM(x.${basis}) AS n
       FROM daily_incident_counts x
       WHERE ${filters(true, true)}
         AND x.day = ANY (ARRAY(SELECT value::date FROM json_array_elements_text($9::json)))
       GROUP BY 1, 2`;
  return {
    name: `est_counts_${rollup?.table ?? "daily"}_${basis}_${selection.keys}`,
    sql: `SELECT k, string_agg(o || ':' || n, ',') AS v FROM (${weekly} UNION ALL ${daily}) c
      WHERE n <> 0 GROUP BY k`,
  };
}

/** Whether whole weeks are added up from the rollup held in memory (weekly-memory.ts); tests turn it off. */
let useMemory = true;
export function setWeeklyMemory(enabled: boolean) {
  useMemory = enabled;
}

/**
 * The selection's count per key for each range (index as in `ranges`), in one statement. A key
 * without any count in any range is absent.
 */
export async function countRanges(
  db: Db,
  selection: CountSelection,
  ranges: readonly DayRange[],
): Promise<Map<string, number[]>> {
  const plans = ranges.map(splitRange);
  const rollup = weeklySource(selection);
  const inMemory = useMemory && rollup !== null;
  // Whole weeks from memory leave only the ends' days to the database.
  const weeks = inMemory ? [] : [...new Set(plans.flatMap((plan) => plan.weeks))].sort();
  const days = [...new Set(plans.flatMap((plan) => plan.days))].sort();
  const origin = [weeks[0], days[0]].filter((d): d is LocalDate => d !== undefined).sort()[0];
  const [memory, rows] = await Promise.all([
    inMemory && rollup ? weeklyTable(db, selection.workspaceId, rollup.table) : null,
    origin ? readCounts(db, selection, { origin, weeks, days }) : [],
  ]);
  const result = new Map<string, number[]>();
  if (memory && rollup) {
    const sums = sumWeeks(memory, {
      weeksOfRange: plans.map((plan) => plan.weeks),
      basis: selection.basis,
      keyIds: rollup.hasCategory ? selection.categoryIds : selection.areaIds,
      sourceIds: selection.sourceIds,
      total: selection.keys === "none",
    });
    for (const [key, values] of sums) result.set(key, Array.from(values));
  }
  if (!origin) return result;
  const weekSlot = new Map(weeks.map((week, index) => [daysBetween(origin, week), index]));
  const daySlot = new Map(days.map((day, index) => [daysBetween(origin, day), index]));
  // Which week and day slots make each range.
  const weekIndexes = inMemory
    ? plans.map(() => [])
    : plans.map((plan) => plan.weeks.map((week) => weekSlot.get(daysBetween(origin, week)) ?? -1));
  const dayIndexes = plans.map((plan) => plan.days.map((day) => daySlot.get(daysBetween(origin, day)) ?? -1));
  const weekValues = new Float64Array(weeks.length);
  const dayValues = new Float64Array(days.length);
  for (const row of rows) {
    weekValues.fill(0);
    dayValues.fill(0);
    for (const item of row.v.split(",")) {
      const colon = item.indexOf(":");
      const offset = Number(item.slice(1, colon));
      const n = Number(item.slice(colon + 1));
      if (item.charCodeAt(0) === 119 /* w */) {
        const slot = weekSlot.get(offset);
        if (slot !== undefined) weekValues[slot] = (weekValues[slot] ?? 0) + n;
      } else {
        const slot = daySlot.get(offset);
        if (slot !== undefined) dayValues[slot] = (dayValues[slot] ?? 0) + n;
      }
    }
    const sums = result.get(row.k) ?? new Array<number>(ranges.length).fill(0);
    for (let r = 0; r < ranges.length; r++) {
      let sum = sums[r] ?? 0;
      for (const slot of weekIndexes[r] ?? []) sum += weekValues[slot] ?? 0;
      for (const slot of dayIndexes[r] ?? []) sum += dayValues[slot] ?? 0;
      sums[r] = sum;
    }
    result.set(row.k, sums);
  }
  return result;
}

/** Each key's week and day sums as text, for the weeks and days asked. */
async function readCounts(
  db: Db,
  selection: CountSelection,
  { origin, weeks, days }: { origin: LocalDate; weeks: LocalDate[]; days: LocalDate[] },
) {
  const lastWeek = weeks.at(-1);
  const { name, sql } = statementFor(selection);
  return queryPlain<{ k: string; v: string }>(
    db,
    sql,
    [
      selection.workspaceId,
      json(selection.areaIds),
      json(selection.categoryIds),
      selection.sourceIds.length > 0 ? JSON.stringify(selection.sourceIds) : null,
      origin,
      JSON.stringify(weeks),
      weeks[0] ?? origin,
      lastWeek ? addDays(lastWeek, 6) : (weeks[0] ?? origin),
      JSON.stringify(days),
    ],
    { name },
  );
}
