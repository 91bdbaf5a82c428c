import type { z } from "zod";
import {
  addDays,
  isoWeekOf,
  isoWeekStart,
  isoWeeksInYear,
  type LocalDate,
} from "../../../shared/calendar.ts";
import { isoWeekday, periodOfInput, periodSoFar } from "../../../shared/periods.ts";
import type { CompstatInputSchema, PatternsOutput, YearsOutput } from "../../../shared/schemas/analysis.ts";
import type { IncidentPointsOutput } from "../../../shared/schemas/overview.ts";
import { POINT_PRECISIONS } from "../../../shared/schemas/overview.ts";
import type { Db } from "../../db/client.ts";
import { coveredAreas, listAreas } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import { todayFor } from "../overview/today.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

type Filter = Pick<
  z.output<typeof CompstatInputSchema>,
  "period" | "areaCodes" | "categoryCodes" | "sourceIds" | "today"
> & { dateBasis?: "registered" | "occurred" };
type Options = { db: Db; workspace: CurrentWorkspace; input: Filter };

/**
 * The filter as SQL conditions on a table with area_id, category_id and data_source_id (alias x),
 * with JSON parameters from $2 on ($1 is the workspace): the same text on PGlite and PostgreSQL.
 */
async function filterScope({ db, workspace, input }: Options) {
  const [areas, categories] = await Promise.all([
    listAreas({ db, workspace }),
    listCategories({ db, workspace }),
  ]);
  const categoryIds = resolveCategoryScope(categories, input.categoryCodes);
  const period = periodOfInput(input.period, workspace.meetingAnchor);
  return {
    period,
    /** The period's last day counted: its end, or today while it runs. */
    lastDay: periodSoFar(period, todayFor(input, workspace)).end,
    conditions: `x.workspace_id = $1::uuid
      AND x.area_id IN (SELECT value::uuid FROM json_array_elements_text($2::json))
      AND ($3::json IS NULL OR x.category_id IN (SELECT value::uuid FROM json_array_elements_text($3::json)))
      AND ($4::json IS NULL OR x.data_source_id IN (SELECT value::uuid FROM json_array_elements_text($4::json)))`,
    params: [
      workspace.id,
      JSON.stringify(coveredAreas(areas, input.areaCodes).map((area) => area.id)),
      categoryIds ? JSON.stringify(categoryIds) : null,
      input.sourceIds.length > 0 ? JSON.stringify(input.sourceIds) : null,
    ],
  };
}

/** Weekday profile (all incidents) and weekday × hour (incidents with a time) over 52 weeks. */
export async function getPatterns(options: Options): Promise<PatternsOutput> {
  const { db, workspace } = options;
  const basis = options.input.dateBasis ?? "registered";
  const { lastDay, conditions, params } = await filterScope(options);
  const window = { start: addDays(lastDay, -363), end: lastDay };
  const days = await db.$queryRawUnsafe<{ d: number; n: number }[]>(
    `SELECT EXTRACT(ISODOW FROM x.day)::int AS d, SUM(x.${basis})::int AS n
     FROM daily_incident_counts x
     WHERE ${conditions} AND x.day BETWEEN $5::date AND $6::date
     GROUP BY 1`,
    ...params,
    window.start,
    window.end,
  );
  const hours = await db.$queryRawUnsafe<{ d: number; h: number; n: number }[]>(
    `SELECT EXTRACT(ISODOW FROM x.occurred_from AT TIME ZONE $7)::int AS d,
       EXTRACT(HOUR FROM x.occurred_from AT TIME ZONE $7)::int AS h, SUM(x.count)::int AS n
     FROM incidents x
     WHERE ${conditions} AND x.time_known AND x.${basis === "occurred" ? "occurred_on" : "registered_on"} BETWEEN $5::date AND $6::date
     GROUP BY 1, 2`,
    ...params,
    window.start,
    window.end,
    workspace.timezone,
  );
  const weekdays = new Array<number>(7).fill(0);
  for (const row of days) weekdays[row.d - 1] = row.n;
  const weekdayHours = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const row of hours) {
    const line = weekdayHours[row.d - 1];
    if (line) line[row.h] = row.n;
  }
  return {
    window,
    dateBasis: basis,
    weekdays,
    weekdayHours,
    timed: hours.reduce((sum, row) => sum + row.n, 0),
    total: weekdays.reduce((sum, n) => sum + n, 0),
  };
}

/**
 * Incidents per ISO week for the last few years up to the period's end (or today while it runs),
 * one series per year; a last week cut short is named.
 */
export async function getYears(options: Options & { years: number }): Promise<YearsOutput> {
  const { db } = options;
  const basis = options.input.dateBasis ?? "registered";
  const { lastDay, conditions, params } = await filterScope(options);
  const last = isoWeekOf(lastDay);
  const isLastWeekCut = isoWeekday(lastDay) < 7;
  const firstYear = last.year - options.years + 1;
  const from: LocalDate = isoWeekStart({ year: firstYear, week: 1 });
  const rows = await db.$queryRawUnsafe<{ y: number; w: number; n: number }[]>(
    `SELECT to_char(x.day, 'IYYY')::int AS y, to_char(x.day, 'IW')::int AS w, SUM(x.${basis})::int AS n
     FROM daily_incident_counts x
     WHERE ${conditions} AND x.day BETWEEN $5::date AND $6::date
     GROUP BY 1, 2`,
    ...params,
    from,
    lastDay,
  );
  const count = new Map(rows.map((row) => [`${row.y}-${row.w}`, row.n]));
  return Array.from({ length: options.years }, (_, index) => {
    const year = firstYear + index;
    const weeksInYear = isoWeeksInYear(year);
    return {
      year,
      weeks: Array.from({ length: 53 }, (_, w) => {
        const week = w + 1;
        // Weeks that do not exist, or begin after the last day counted, have no value.
        if (week > weeksInYear || (year === last.year && week > last.week)) return null;
        return count.get(`${year}-${week}`) ?? 0;
      }),
      partialWeek: year === last.year && isLastWeekCut ? last.week : null,
    };
  });
}

const MAX_POINTS = 5000;

/** Incidents with coordinates in the period, summed per location and precision. */
export async function getIncidentPoints(options: Options): Promise<IncidentPointsOutput> {
  const { db } = options;
  const { period, conditions, params } = await filterScope(options);
  const located = await db.$queryRawUnsafe<{ lon: number; lat: number; precision: string; count: number }[]>(
    `SELECT x.lon, x.lat, x.point_precision::text AS precision, SUM(x.count)::int AS count
     FROM incidents x
     WHERE ${conditions} AND x.registered_on BETWEEN $5::date AND $6::date
       AND x.lon IS NOT NULL AND x.lat IS NOT NULL AND x.point_precision IS NOT NULL
     GROUP BY 1, 2, 3
     ORDER BY 4 DESC
     LIMIT ${MAX_POINTS + 1}`,
    ...params,
    period.start,
    period.end,
  );
  const totals = await db.$queryRawUnsafe<{ precision: string | null; count: number }[]>(
    `SELECT CASE WHEN x.lon IS NULL OR x.lat IS NULL THEN NULL ELSE x.point_precision::text END AS precision,
       SUM(x.count)::int AS count
     FROM incidents x
     WHERE ${conditions} AND x.registered_on BETWEEN $5::date AND $6::date
     GROUP BY 1`,
    ...params,
    period.start,
    period.end,
  );
  const byPrecision = Object.fromEntries(POINT_PRECISIONS.map((p) => [p, 0])) as Record<
    (typeof POINT_PRECISIONS)[number],
    number
  >;
  let withoutPoint = 0;
  for (const row of totals) {
    const precision = POINT_PRECISIONS.find((p) => p === row.precision);
    if (precision) byPrecision[precision] += row.count;
    else withoutPoint += row.count;
  }
  return {
    points: located.slice(0, MAX_POINTS).map((row) => ({
      lon: row.lon,
      lat: row.lat,
      precision: POINT_PRECISIONS.find((p) => p === row.precision) ?? "exact",
      count: row.count,
    })),
    byPrecision,
    withoutPoint,
    truncated: located.length > MAX_POINTS,
  };
}
