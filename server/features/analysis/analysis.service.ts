import type { z } from "zod";
import {
  isoWeekOf,
  type Period,
  type PeriodKind,
  previousPeriod,
  shiftPeriod,
} from "../../../shared/calendar.ts";
import { comparePeriodsSoFar, isPeriodComplete, periodOfInput } from "../../../shared/periods.ts";
import { percentChange, ratePerThousand } from "../../../shared/rates.ts";
import { assessSeriesAt, RISE_SETTINGS, type RiseLevel } from "../../../shared/rising.ts";
import { sustainedPlan } from "../../../shared/rising-over-time.ts";
import type { CompstatInputSchema, CompstatOutput, CompstatRow } from "../../../shared/schemas/analysis.ts";
import type { Db } from "../../db/client.ts";
import type { StatisticsScope } from "../../service-scope.ts";
import { populationByArea, populationsFor } from "../areas/areas.service.ts";
import { type CountSelection, countRanges } from "../incidents/incident-counts.ts";
import { type ResolvedSelection, resolveSelection } from "../incidents/incident-selection.ts";
import { todayFor } from "../overview/today.ts";
import { assessCounts, dataCoverage, firstCoveredIndex, rowFlag } from "./sustained.service.ts";

type Input = z.output<typeof CompstatInputSchema>;
type Node = { id: string; parentId: string | null; code: string | null; nameSv: string; nameEn: string };

export const PERIODS_PER_YEAR: Record<PeriodKind, number> = {
  week: 52,
  biweek: 26,
  fourweek: 13,
  month: 12,
  quarter: 4,
  year: 1,
};
const SPARKLINE = 13;

/** Periods from the oldest the baseline needs up to the current one, oldest first. */
function historyOf(period: Period, shown = SPARKLINE): Period[] {
  const back =
    shown -
    1 +
    Math.round(PERIODS_PER_YEAR[period.kind] * RISE_SETTINGS.seasonalYears) +
    RISE_SETTINGS.seasonalHalfWidth;
  return Array.from({ length: back + 1 }, (_, index) => shiftPeriod(period, index - back));
}

/** Each node's counts plus everything below it, so a group row is the sum of its subtree. */
function rollUp<T extends { id: string; parentId: string | null }>(
  nodes: readonly T[],
  own: Map<string, number[]>,
  width: number,
) {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  const totals = new Map<string, number[]>();
  const visit = (id: string): number[] => {
    const cached = totals.get(id);
    if (cached) return cached;
    const sum = own.get(id)?.slice() ?? new Array<number>(width).fill(0);
    for (const child of children.get(id) ?? []) {
      const values = visit(child);
      for (let index = 0; index < width; index++) sum[index] = (sum[index] ?? 0) + (values[index] ?? 0);
    }
    totals.set(id, sum);
    return sum;
  };
  for (const node of nodes) visit(node.id);
  return { totals, children };
}

/** Incident counts per category, area and period of a history (index 0 = oldest), in one statement. */
async function historyCounts(db: Db, selection: CountSelection, history: Period[]) {
  const counts = await countRanges(db, selection, history);
  const rows: { category: string; area: string; i: number; n: number }[] = [];
  for (const [key, sums] of counts) {
    const [first = "", second = ""] = key.split("|");
    const category = selection.keys === "area" ? "null" : first;
    const area = selection.keys === "area" ? first : selection.keys === "both" ? second : "null";
    sums.forEach((n, i) => {
      if (n !== 0) rows.push({ category, area, i, n });
    });
  }
  return rows;
}

/**
 * The CompStat picture: per category (or area) the current period against the previous one, the
 * same period last year, year to date and last year to date, a sparkline and the rising flag.
 */
export async function getCompstat(
  { db, workspace }: StatisticsScope,
  input: Input,
  /** A selection the caller has already resolved (an export names its areas and categories). */
  resolved?: ResolvedSelection,
): Promise<CompstatOutput> {
  // The sustained flag's windows need the data's first and last day.
  const [selection, coverage] = await Promise.all([
    resolved ?? resolveSelection({ db, workspace }, input),
    dataCoverage({ db, workspaceId: workspace.id, sourceIds: input.sourceIds }),
  ]);
  const { areas, categories } = selection;
  const period = periodOfInput(input.period, workspace.meetingAnchor);
  const comparison = comparePeriodsSoFar(period, todayFor(input, workspace));
  const history = historyOf(period);
  const scopeAreas = selection.covered.map((area) => area.id);
  const scopeCategories = selection.categoryIds;
  // While the period runs, the part so far (-5) and as many days of the previous period (-4).
  const ranges = [
    { i: -1, s: comparison.yearToDate.start, e: comparison.yearToDate.end },
    { i: -2, s: comparison.lastYearToDate.start, e: comparison.lastYearToDate.end },
    { i: -3, s: comparison.lastYear.start, e: comparison.lastYear.end },
    ...(comparison.isComplete
      ? []
      : [
          { i: -4, s: comparison.previous.start, e: comparison.previous.end },
          { i: -5, s: comparison.observed.start, e: comparison.observed.end },
        ]),
  ];
  const plan = sustainedPlan(period, coverage);
  const populationYear = isoWeekOf(period.end).year;
  // Every number of the picture in one statement: each key's history, the ranges, then the
  // sustained windows (current, earlier, …) and blocks.
  const [own, leafPopulation] = await Promise.all([
    countRanges(db, selection.counts(input.groupBy), [
      ...history,
      ...ranges.map((range) => ({ start: range.s, end: range.e })),
      ...plan.windows.flatMap((window) => [window.current, window.earlier]),
      ...plan.blocks,
    ]),
    populationsFor({ db, workspace }, { areaIds: areas.map((area) => area.id), year: populationYear }),
  ]);
  const firstIndex = firstCoveredIndex(history, coverage);
  const isSustainedFlag = period.kind === "year" || period.kind === "quarter";
  const population = populationByArea(areas, leafPopulation);
  const inScope = new Set(scopeAreas);
  const scopeRoots = areas.filter(
    (area) => inScope.has(area.id) && !(area.parentId && inScope.has(area.parentId)),
  );
  const scopePopulation = scopeRoots.every((area) => population.get(area.id) != null)
    ? scopeRoots.reduce((sum, area) => sum + (population.get(area.id) ?? 0), 0)
    : null;
  // Each node's values: the history, the ranges, then the sustained windows and blocks.
  const sustainedStart = history.length + ranges.length;
  const width = sustainedStart + plan.windows.length * 2 + plan.blocks.length;
  const slot = (i: number) => (i >= 0 ? i : history.length - 1 - i);
  const nodes: Node[] =
    input.groupBy === "area"
      ? areas.map((a) => ({ id: a.id, parentId: a.parentId, code: a.code, nameSv: a.name, nameEn: a.name }))
      : categories.map((c) => ({
          id: c.id,
          parentId: c.parentId,
          code: c.code,
          nameSv: c.nameSv,
          nameEn: c.nameEn,
        }));
  const { totals, children } = rollUp(nodes, own, width);
  const visible = scopeCategories && input.groupBy === "category" ? new Set(scopeCategories) : null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ordered: CompstatRow[] = [];
  const emit = (node: Node, depth: number) => {
    const values = totals.get(node.id) ?? [];
    const series = values.slice(0, history.length);
    const at = (i: number) => values[slot(i)] ?? 0;
    const current = comparison.isComplete ? (series.at(-1) ?? 0) : at(-5);
    const previous = comparison.isComplete ? (series.at(-2) ?? 0) : at(-4);
    const isEmpty = values.slice(0, sustainedStart).every((value) => value === 0);
    if ((!visible || visible.has(node.id)) && !isEmpty) {
      const flag = assessSeriesAt(series, series.length - 1, PERIODS_PER_YEAR[period.kind], { firstIndex });
      const extra = values.slice(sustainedStart);
      const sustained = assessCounts(plan, {
        windows: extra.slice(0, plan.windows.length * 2),
        blocks: extra.slice(plan.windows.length * 2),
      });
      ordered.push({
        ...node,
        depth,
        current,
        previous,
        change: current - previous,
        changePercent: percentChange(current, previous),
        rate: ratePerThousand(
          current,
          input.groupBy === "area" ? (population.get(node.id) ?? null) : scopePopulation,
        ),
        lastYear: at(-3),
        yearToDate: at(-1),
        lastYearToDate: at(-2),
        sparkline: series.slice(-SPARKLINE),
        flag: rowFlag(flag, sustained, isSustainedFlag),
        sustained,
      });
    }
    for (const child of children.get(node.id) ?? []) {
      const childNode = byId.get(child);
      if (childNode) emit(childNode, depth + 1);
    }
  };
  for (const root of nodes.filter((n) => !n.parentId)) emit(root, 0);
  return {
    dateBasis: input.dateBasis,
    flagBasis: isSustainedFlag ? "sustained" : "period",
    sustainedEnd: plan.end,
    populationYear:
      leafPopulation.size > 0 ? Math.max(...[...leafPopulation.values()].map((p) => p.year)) : null,
    current: period,
    observed: comparison.observed,
    isComplete: comparison.isComplete,
    previous: { start: comparison.previous.start, end: comparison.previous.end },
    lastYear: { start: comparison.lastYear.start, end: comparison.lastYear.end },
    yearToDate: comparison.yearToDate,
    lastYearToDate: comparison.lastYearToDate,
    rows: ordered,
  };
}

/** The workspace's trees, the period, its history and the selection's counts per period. */
export async function selectionHistory(
  { db, workspace }: StatisticsScope,
  input: Input,
  options: { keys: CountSelection["keys"]; shown?: number; resolved?: ResolvedSelection },
) {
  const period = periodOfInput(input.period, workspace.meetingAnchor);
  const history = historyOf(period, options.shown);
  const [{ areas, categories, counts }, coverage] = await Promise.all([
    (options.resolved ? Promise.resolve(options.resolved) : resolveSelection({ db, workspace }, input)).then(
      async (selection) => ({
        ...selection,
        counts: await historyCounts(db, selection.counts(options.keys), history),
      }),
    ),
    dataCoverage({ db, workspaceId: workspace.id, sourceIds: input.sourceIds }),
  ]);
  return {
    areas,
    categories,
    period,
    history,
    counts,
    coverage,
    firstIndex: firstCoveredIndex(history, coverage),
  };
}

export type RisingPair = {
  categoryCode: string;
  categoryNameSv: string;
  categoryNameEn: string;
  areaCode: string | null;
  areaName: string;
  current: number;
  expected: number;
  pValue: number;
  level: "clear" | "possible";
};

export function ancestorsOf<T extends { id: string; parentId: string | null }>(nodes: readonly T[]) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const cache = new Map<string, T[]>();
  return (id: string): T[] => {
    const cached = cache.get(id);
    if (cached) return cached;
    const chain: T[] = [];
    for (let node = byId.get(id); node; node = node.parentId ? byId.get(node.parentId) : undefined)
      chain.push(node);
    cache.set(id, chain);
    return chain;
  };
}

/**
 * "Rising now" for leadership: every category group (and its children) in every area of the
 * selection, flagged clear or possible, strongest evidence first.
 */
export async function getRisingNow(
  scope: StatisticsScope,
  input: Input,
  { limit = 8, resolved }: { limit?: number; resolved?: ResolvedSelection } = {},
): Promise<RisingPair[]> {
  const { workspace } = scope;
  // A period still running cannot be judged against whole ones: the one before it is.
  const chosen = periodOfInput(input.period, workspace.meetingAnchor);
  const judged = isPeriodComplete(chosen, todayFor(input, workspace))
    ? input
    : { ...input, period: { ...input.period, date: previousPeriod(chosen).start } };
  const { areas, categories, period, history, counts, firstIndex } = await selectionHistory(scope, judged, {
    keys: "both",
    resolved,
  });
  const categoryChain = ancestorsOf(categories);
  const areaChain = ancestorsOf(areas);
  const series = new Map<string, number[]>();
  for (const row of counts) {
    // Only the two top levels of the category tree: leaves are too thin to judge per area.
    const chain = categoryChain(row.category);
    for (const category of chain.slice(Math.max(0, chain.length - 2))) {
      for (const area of areaChain(row.area)) {
        const key = `${category.id}|${area.id}`;
        const values = series.get(key) ?? new Array(history.length).fill(0);
        values[row.i] = (values[row.i] ?? 0) + row.n;
        series.set(key, values);
      }
    }
  }
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const pairs: RisingPair[] = [];
  for (const [key, values] of series) {
    const flag = assessSeriesAt(values, values.length - 1, PERIODS_PER_YEAR[period.kind], { firstIndex });
    if ((flag.level !== "clear" && flag.level !== "possible") || flag.pValue === null) continue;
    const [categoryId = "", areaId = ""] = key.split("|");
    const category = categoryById.get(categoryId);
    const area = areaById.get(areaId);
    if (!category || !area) continue;
    pairs.push({
      categoryCode: category.code,
      categoryNameSv: category.nameSv,
      categoryNameEn: category.nameEn,
      areaCode: area.code,
      areaName: area.name,
      current: flag.observed,
      expected: flag.expected,
      pValue: flag.pValue,
      level: flag.level,
    });
  }
  return pairs.sort((a, b) => a.pValue - b.pValue || b.current - a.current).slice(0, limit);
}

export type TrendPoint = {
  start: string;
  end: string;
  count: number;
  expected: number | null;
  low: number | null;
  high: number | null;
  level: RiseLevel;
  isPartial: boolean;
};

/**
 * The selection's count per period for the last `periods` periods, each with the count expected
 * from its own baseline, a 95 % band (quasi-Poisson: expected ± 1.96·√(φ·expected)) and its flag.
 */
export async function getTrend(
  scope: StatisticsScope,
  input: Input & { periods: number },
): Promise<TrendPoint[]> {
  const { workspace } = scope;
  const { periods } = input;
  const { period, history, counts, firstIndex } = await selectionHistory(scope, input, {
    keys: "category",
    shown: periods,
  });
  const series = new Array<number>(history.length).fill(0);
  for (const row of counts) series[row.i] = (series[row.i] ?? 0) + row.n;
  const today = todayFor(input, workspace);
  return history.slice(-periods).map((p, offset) => {
    const index = history.length - periods + offset;
    const flag = assessSeriesAt(series, index, PERIODS_PER_YEAR[period.kind], { firstIndex });
    const spread = 1.96 * Math.sqrt(flag.dispersion * flag.expected);
    // A period still running has no whole-period band or flag to stand against.
    const isPartial = !isPeriodComplete(p, today);
    const hasBaseline = !isPartial && (flag.level !== "too_few" || flag.baselineSize >= 3);
    return {
      start: p.start,
      end: p.end,
      count: series[index] ?? 0,
      expected: hasBaseline ? flag.expected : null,
      low: hasBaseline ? Math.max(0, flag.expected - spread) : null,
      high: hasBaseline ? flag.expected + spread : null,
      level: isPartial ? "normal" : flag.level,
      isPartial,
    };
  });
}
