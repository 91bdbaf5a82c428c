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
import type { StatisticsScope } from "../../service-scope.ts";
import { countRanges } from "../incidents/incident-counts.ts";
import { resolveSelection } from "../incidents/incident-selection.ts";
import { todayFor } from "../overview/today.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

type Filter = Pick<
  z.output<typeof CompstatInputSchema>,
  "period" | "areaCodes" | "categoryCodes" | "sourceIds" | "today"
> & { dateBasis?: "registered" | "occurred" };
type Options = { db: Db; workspace: CurrentWorkspace; input: Filter };

/** The filter resolved once (incidents/incident-selection.ts), the period and its last day counted. */
async function filterScope({ db, workspace, input }: Options) {
  const selection = await resolveSelection({ db, workspace }, input);
  const period = periodOfInput(input.period, workspace.meetingAnchor);
  return {
    period,
    /** The period's last day counted: its end, or today while it runs. */
    lastDay: periodSoFar(period, todayFor(input, workspace)).end,
    selection,
    conditions: selection.conditions,
    params: selection.params,
  };
}

/** Weekday profile (all incidents) and weekday × hour (incidents with a time) over 52 weeks. */
export async function getPatterns(scope: StatisticsScope, input: Filter): Promise<PatternsOutput> {
  const options: Options = { ...scope, input };
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
export async function getYears(
  scope: StatisticsScope,
  input: Filter & { years: number },
): Promise<YearsOutput> {
  const options = { ...scope, input, years: input.years };
  const { db } = options;
  const { lastDay, selection } = await filterScope(options);
  const last = isoWeekOf(lastDay);
  const isLastWeekCut = isoWeekday(lastDay) < 7;
  const firstYear = last.year - options.years + 1;
  const from: LocalDate = isoWeekStart({ year: firstYear, week: 1 });
  // One range per ISO week from the first year's week 1 to the last day (a rollup answers whole weeks).
  const weekStarts: LocalDate[] = [];
  for (let week = from; week <= lastDay; week = addDays(week, 7)) weekStarts.push(week);
  const totals = await countRanges(
    db,
    selection.counts("none"),
    weekStarts.map((start) => ({ start, end: addDays(start, 6) < lastDay ? addDays(start, 6) : lastDay })),
  );
  const sums = totals.get("") ?? [];
  const count = new Map(
    weekStarts.map((start, index) => {
      const { year, week } = isoWeekOf(start);
      return [`${year}-${week}`, sums[index] ?? 0] as const;
    }),
  );
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
export async function getIncidentPoints(
  scope: StatisticsScope,
  input: Filter,
): Promise<IncidentPointsOutput> {
  const options: Options = { ...scope, input };
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
