import type { z } from "zod";
import {
  addDays,
  formatIsoWeek,
  isoWeekOf,
  isoWeekStart,
  isoWeeksInYear,
  type LocalDate,
  mondayOf,
  weekStartsEndingAt,
} from "../../../shared/calendar.ts";
import { comparePeriodsSoFar, isoWeekday, periodOfInput, periodSoFar } from "../../../shared/periods.ts";
import { percentChange, ratePerThousand } from "../../../shared/rates.ts";
import type {
  DistrictStatsOutput,
  FieldLayersOutput,
  OverviewFilterInputSchema,
  WeeklyTrendOutput,
} from "../../../shared/schemas/overview.ts";
import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { listAreas, populationsFor, resolveAreaScope } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { fieldPoints, themeMentionsByDistrict } from "./field-layers.service.ts";
import { todayFor } from "./today.ts";

type Filter = z.output<typeof OverviewFilterInputSchema>;
type Options = { db: Db; workspace: CurrentWorkspace; filter: Filter };
type AreaNode = { id: string; parentId: string | null };
type Period = { start: string; end: string };

async function resolveScope({ db, workspace, filter }: Options) {
  const [areas, categories] = await Promise.all([
    listAreas({ db, workspace }),
    listCategories({ db, workspace }),
  ]);
  const period = periodOfInput(filter.period, workspace.meetingAnchor);
  return {
    period,
    today: todayFor(filter, workspace),
    allAreas: areas,
    areas: resolveAreaScope(areas, filter.areaCodes),
    categoryIds: resolveCategoryScope(categories, filter.categoryCodes),
    sourceIds: filter.sourceIds,
  };
}

/** Category and data-source conditions on daily_incident_counts (empty lists filter nothing). */
function filterConditions(categoryIds: string[] | null, sourceIds: string[]) {
  return Prisma.sql`${categoryIds ? Prisma.sql`AND category_id = ANY(${categoryIds}::uuid[])` : Prisma.empty}
    ${sourceIds.length > 0 ? Prisma.sql`AND data_source_id = ANY(${sourceIds}::uuid[])` : Prisma.empty}`;
}

/**
 * What people saw and felt, beside the incidents: safety-walk findings recorded, approved partner
 * and citizen reports, and dialogue themes raised, per district in the period (local dates).
 */
async function fieldInputCounts(
  options: Options & { allAreas: AreaNode[]; areaIds: string[]; period: Period },
) {
  const scope = {
    db: options.db,
    workspace: options.workspace,
    period: options.period,
    districtIds: options.areaIds,
    findingScope: options.filter.findingScope,
    findingStatuses: options.filter.findingStatuses,
    themes: options.filter.themes,
  };
  const [{ findings, reports }, themes] = await Promise.all([
    fieldPoints(scope),
    themeMentionsByDistrict({ ...scope, areas: options.allAreas }),
  ]);
  const tally = (rows: { areaId: string }[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.areaId, (counts.get(row.areaId) ?? 0) + 1);
    return counts;
  };
  const findingCounts = tally(findings);
  const reportCounts = tally(reports);
  return (areaId: string) => ({
    findings: findingCounts.get(areaId) ?? 0,
    reports: reportCounts.get(areaId) ?? 0,
    themes: [...(themes.get(areaId)?.values() ?? [])].reduce((sum, mention) => sum + mention.count, 0),
  });
}

/** The map's field layers: findings, approved reports and dialogue themes in the period. */
export async function getFieldLayers(options: Options): Promise<FieldLayersOutput> {
  const { period, areas, allAreas } = await resolveScope(options);
  const scope = {
    db: options.db,
    workspace: options.workspace,
    period,
    districtIds: areas.map((area) => area.id),
    findingScope: options.filter.findingScope,
    findingStatuses: options.filter.findingStatuses,
    themes: options.filter.themes,
  };
  const [{ findings, reports }, themes] = await Promise.all([
    fieldPoints(scope),
    themeMentionsByDistrict({ ...scope, areas: allAreas }),
  ]);
  const strip = <T extends { areaId: string }>({ areaId: _area, ...row }: T) => row;
  return {
    findings: findings.map(strip),
    reports: reports.map(strip),
    themes: areas.flatMap((area) => {
      const mentions = themes.get(area.id);
      if (!mentions || area.centroidLon === null || area.centroidLat === null) return [];
      return [
        {
          code: area.code,
          name: area.name,
          lon: area.centroidLon,
          lat: area.centroidLat,
          mentions: [...mentions].map(([theme, mention]) => ({ theme, ...mention })),
        },
      ];
    }),
  };
}

/**
 * Incidents per district for a period and the period before it, with rate and change. A period
 * still running counts up to today against as many days at the start of the period before.
 */
export async function getDistrictStats(options: Options): Promise<DistrictStatsOutput> {
  const { db, workspace } = options;
  const { period, today, areas, allAreas, categoryIds, sourceIds } = await resolveScope(options);
  const { observed, previous, isComplete } = comparePeriodsSoFar(period, today);
  const areaIds = areas.map((area) => area.id);
  const counts = await db.$queryRaw<{ area_id: string; current: number; previous: number }[]>`
    SELECT area_id::text AS area_id,
      COALESCE(SUM(registered) FILTER (WHERE day BETWEEN ${observed.start}::date AND ${observed.end}::date), 0)::int AS current,
      COALESCE(SUM(registered) FILTER (WHERE day BETWEEN ${previous.start}::date AND ${previous.end}::date), 0)::int AS previous
    FROM daily_incident_counts
    WHERE workspace_id = ${workspace.id}::uuid
      AND day BETWEEN ${previous.start}::date AND ${period.end}::date
      AND area_id = ANY(${areaIds}::uuid[])
      ${filterConditions(categoryIds, sourceIds)}
    GROUP BY area_id`;
  const countByArea = new Map(counts.map((row) => [row.area_id, row]));
  const fieldOf = await fieldInputCounts({ ...options, allAreas, areaIds, period });
  const year = isoWeekOf(period.end).year;
  const populations = await populationsFor({ db, workspace }, { areaIds, year });
  const rows = areas.map((area) => {
    const current = countByArea.get(area.id)?.current ?? 0;
    const previousCount = countByArea.get(area.id)?.previous ?? 0;
    const population = populations.get(area.id)?.population ?? null;
    return statRow({
      areaId: area.id,
      code: area.code,
      name: area.name,
      population,
      count: current,
      previousCount,
      ...fieldOf(area.id),
    });
  });
  const populationYears = [...populations.values()].map((p) => p.year);
  const hasAllPopulations = rows.every((row) => row.population !== null);
  const {
    areaId: _id,
    code: _code,
    ...total
  } = statRow({
    areaId: "",
    code: null,
    name: "",
    population: hasAllPopulations ? rows.reduce((sum, row) => sum + (row.population ?? 0), 0) : null,
    count: rows.reduce((sum, row) => sum + row.count, 0),
    previousCount: rows.reduce((sum, row) => sum + row.previousCount, 0),
    findings: rows.reduce((sum, row) => sum + row.findings, 0),
    reports: rows.reduce((sum, row) => sum + row.reports, 0),
    themes: rows.reduce((sum, row) => sum + row.themes, 0),
  });
  return {
    period,
    observed,
    isComplete,
    previous: { start: previous.start, end: previous.end },
    populationYear: populationYears.length > 0 ? Math.max(...populationYears) : null,
    rows,
    total,
  };
}

function statRow(input: {
  areaId: string;
  code: string | null;
  name: string;
  population: number | null;
  count: number;
  previousCount: number;
  findings: number;
  reports: number;
  themes: number;
}) {
  return {
    ...input,
    rate: ratePerThousand(input.count, input.population),
    change: input.count - input.previousCount,
    changePercent: percentChange(input.count, input.previousCount),
  };
}

/**
 * Incidents per ISO week for the weeks ending with the period (up to today while it runs), beside
 * the same weeks a year earlier. A last week cut short counts as many days of last year's week.
 */
export async function getWeeklyTrend(options: Options & { weeks: number }): Promise<WeeklyTrendOutput> {
  const { db, workspace, weeks } = options;
  const { period, today, areas, categoryIds, sourceIds } = await resolveScope(options);
  const lastDay = periodSoFar(period, today).end;
  const weekStarts = weekStartsEndingAt(lastDay, weeks);
  const lastYearStarts = weekStarts.map(sameWeekLastYear);
  const lastWeekDays = isoWeekday(lastDay);
  const from = lastYearStarts[0] ?? period.start;
  const rows = await db.$queryRaw<{ week_start: string; count: number; first_days: number }[]>`
    SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week_start, SUM(registered)::int AS count,
      COALESCE(SUM(registered) FILTER (WHERE EXTRACT(ISODOW FROM day) <= ${lastWeekDays}::int), 0)::int AS first_days
    FROM daily_incident_counts
    WHERE workspace_id = ${workspace.id}::uuid
      AND day BETWEEN ${from}::date AND ${lastDay}::date
      AND area_id = ANY(${areas.map((area) => area.id)}::uuid[])
      ${filterConditions(categoryIds, sourceIds)}
    GROUP BY 1`;
  const byWeek = new Map(rows.map((row) => [row.week_start, row]));
  const lastMonday = mondayOf(lastDay);
  return {
    weeks: weekStarts.map((weekStart, index) => {
      const isPartial = weekStart === lastMonday && lastDay < addDays(lastMonday, 6);
      const lastYear = byWeek.get(lastYearStarts[index] ?? "");
      return {
        weekStart,
        isoWeek: formatIsoWeek(isoWeekOf(weekStart)),
        count: byWeek.get(weekStart)?.count ?? 0,
        lastYearCount: (isPartial ? lastYear?.first_days : lastYear?.count) ?? 0,
        days: isPartial ? lastWeekDays : 7,
        isPartial,
      };
    }),
  };
}

function sameWeekLastYear(weekStart: LocalDate): LocalDate {
  const { year, week } = isoWeekOf(weekStart);
  return isoWeekStart({ year: year - 1, week: Math.min(week, isoWeeksInYear(year - 1)) });
}
