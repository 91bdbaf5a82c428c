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
import type { StatisticsScope } from "../../service-scope.ts";
import { populationsFor } from "../areas/areas.service.ts";
import { countRanges } from "../incidents/incident-counts.ts";
import { type ResolvedSelection, resolveSelection } from "../incidents/incident-selection.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { fieldPoints, themeMentionsByDistrict } from "./field-layers.service.ts";
import { todayFor } from "./today.ts";

type Filter = z.output<typeof OverviewFilterInputSchema>;
type Options = { db: Db; workspace: CurrentWorkspace; filter: Filter };
type AreaNode = { id: string; parentId: string | null };
type Period = { start: string; end: string };

async function resolveScope({ db, workspace, filter }: Options, resolved?: ResolvedSelection) {
  const selection = resolved ?? (await resolveSelection({ db, workspace }, filter));
  const period = periodOfInput(filter.period, workspace.meetingAnchor);
  return {
    period,
    today: todayFor(filter, workspace),
    allAreas: selection.areas,
    areas: selection.districts,
    selection,
  };
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
export async function getFieldLayers(
  statistics: StatisticsScope,
  filter: Filter,
): Promise<FieldLayersOutput> {
  const options: Options = { ...statistics, filter };
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
export async function getDistrictStats(
  scope: StatisticsScope,
  filter: Filter,
  /** A selection the caller has already resolved (an export names its areas and categories). */
  resolved?: ResolvedSelection,
): Promise<DistrictStatsOutput> {
  const options: Options = { ...scope, filter };
  const { db, workspace } = options;
  const { period, today, areas, allAreas, selection } = await resolveScope(options, resolved);
  const { observed, previous, isComplete } = comparePeriodsSoFar(period, today);
  const areaIds = areas.map((area) => area.id);
  const counts = await countRanges(db, selection.counts("area", selection.everyArea ? {} : { areaIds }), [
    observed,
    previous,
  ]);
  const fieldOf = await fieldInputCounts({ ...options, allAreas, areaIds, period });
  const year = isoWeekOf(period.end).year;
  const populations = await populationsFor({ db, workspace }, { areaIds, year });
  const rows = areas.map((area) => {
    const [current = 0, previousCount = 0] = counts.get(area.id) ?? [];
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
export async function getWeeklyTrend(
  scope: StatisticsScope,
  filter: Filter & { weeks: number },
): Promise<WeeklyTrendOutput> {
  const options: Options = { ...scope, filter };
  const { db, workspace } = options;
  const { weeks } = filter;
  const { period, today, areas, selection } = await resolveScope(options);
  const lastDay = periodSoFar(period, today).end;
  const weekStarts = weekStartsEndingAt(lastDay, weeks);
  const lastYearStarts = weekStarts.map(sameWeekLastYear);
  const lastWeekDays = isoWeekday(lastDay);
  const lastMonday = mondayOf(lastDay);
  const isPartialAt = (weekStart: LocalDate) => weekStart === lastMonday && lastDay < addDays(lastMonday, 6);
  // Each week up to the last day, then each week a year earlier (as many days when cut short).
  const totals = await countRanges(db, selection.counts("none", { areaIds: areas.map((area) => area.id) }), [
    ...weekStarts.map((weekStart) => ({
      start: weekStart,
      end: isPartialAt(weekStart) ? lastDay : addDays(weekStart, 6),
    })),
    ...lastYearStarts.map((weekStart, index) => ({
      start: weekStart,
      end: addDays(weekStart, isPartialAt(weekStarts[index] ?? "") ? lastWeekDays - 1 : 6),
    })),
  ]);
  const sums = totals.get("") ?? [];
  return {
    weeks: weekStarts.map((weekStart, index) => {
      const isPartial = isPartialAt(weekStart);
      return {
        weekStart,
        isoWeek: formatIsoWeek(isoWeekOf(weekStart)),
        count: sums[index] ?? 0,
        lastYearCount: sums[weekStarts.length + index] ?? 0,
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
