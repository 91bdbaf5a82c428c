import type { z } from "zod";
import {
  comparePeriods,
  type Period,
  type PeriodKind,
  periodContaining,
  shiftPeriod,
} from "../../../shared/calendar.ts";
import { percentChange } from "../../../shared/rates.ts";
import { assessRise, baselineFor, RISE_SETTINGS } from "../../../shared/rising.ts";
import type { CompstatInputSchema, CompstatOutput, CompstatRow } from "../../../shared/schemas/analysis.ts";
import type { Db } from "../../db/client.ts";
import { listAreas, resolveAreaScope } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

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
function historyOf(period: Period): Period[] {
  const back = Math.max(
    SPARKLINE - 1,
    Math.round(PERIODS_PER_YEAR[period.kind] * RISE_SETTINGS.seasonalYears) + RISE_SETTINGS.seasonalHalfWidth,
  );
  return Array.from({ length: back + 1 }, (_, index) => shiftPeriod(period, index - back));
}

/** Each node's counts plus everything below it, so a group row is the sum of its subtree. */
function rollUp<T extends { id: string; parentId: string | null }>(
  nodes: readonly T[],
  own: Map<string, number[]>,
  width: number,
) {
  const children = new Map<string, string[]>();
  for (const node of nodes)
    if (node.parentId) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  const totals = new Map<string, number[]>();
  const visit = (id: string): number[] => {
    const cached = totals.get(id);
    if (cached) return cached;
    const sum = [...(own.get(id) ?? new Array(width).fill(0))];
    for (const child of children.get(id) ?? []) {
      visit(child).forEach((value, index) => {
        sum[index] = (sum[index] ?? 0) + value;
      });
    }
    totals.set(id, sum);
    return sum;
  };
  for (const node of nodes) visit(node.id);
  return { totals, children };
}

/**
 * The CompStat picture: per category (or area) the current period against the previous one, the
 * same period last year, year to date and last year to date, a sparkline and the rising flag.
 */
export async function getCompstat({
  db,
  workspace,
  input,
}: {
  db: Db;
  workspace: CurrentWorkspace;
  input: Input;
}): Promise<CompstatOutput> {
  const [areas, categories] = await Promise.all([
    listAreas({ db, workspaceId: workspace.id }),
    listCategories({ db, workspaceId: workspace.id }),
  ]);
  const period = periodContaining(input.period.kind, input.period.date, workspace.meetingAnchor);
  const comparison = comparePeriods(period);
  const history = historyOf(period);
  const scopeAreas = resolveAreaScope(areas, input.areaCodes).map((area) => area.id);
  const scopeCategories = resolveCategoryScope(categories, input.categoryCodes);
  const dayColumn = input.dateBasis === "occurred" ? "occurred_on" : "registered_on";
  const key = input.groupBy === "area" ? "area_id" : "category_id";
  const buckets = [
    ...history.map((p, index) => ({ i: index, s: p.start, e: p.end })),
    { i: -1, s: comparison.yearToDate.start, e: comparison.yearToDate.end },
    { i: -2, s: comparison.lastYearToDate.start, e: comparison.lastYearToDate.end },
    { i: -3, s: comparison.lastYear.start, e: comparison.lastYear.end },
  ];
  const rows = await db.$queryRawUnsafe<{ key: string; i: number; n: number }[]>(
    `SELECT ${key}::text AS key, b.i, SUM(x.count)::int AS n
     FROM incidents x JOIN json_to_recordset($2::json) AS b(i int, s date, e date) ON x.${dayColumn} BETWEEN b.s AND b.e
     WHERE x.workspace_id = $1::uuid
       AND x.area_id IN (SELECT value::uuid FROM json_array_elements_text($3::json))
       AND ($4::json IS NULL OR x.category_id IN (SELECT value::uuid FROM json_array_elements_text($4::json)))
     GROUP BY 1, 2`,
    workspace.id,
    JSON.stringify(buckets),
    JSON.stringify(scopeAreas),
    scopeCategories ? JSON.stringify(scopeCategories) : null,
  );
  const width = history.length + 3;
  const slot = (i: number) => (i >= 0 ? i : history.length - 1 - i);
  const own = new Map<string, number[]>();
  for (const row of rows) {
    const values = own.get(row.key) ?? new Array(width).fill(0);
    values[slot(row.i)] = row.n;
    own.set(row.key, values);
  }
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
    const current = series.at(-1) ?? 0;
    const previous = series.at(-2) ?? 0;
    const at = (i: number) => values[slot(i)] ?? 0;
    const isEmpty = values.every((value) => value === 0);
    if ((!visible || visible.has(node.id)) && !isEmpty) {
      const flag = assessRise({
        observed: current,
        baseline: baselineFor(series, series.length - 1, PERIODS_PER_YEAR[period.kind]),
      });
      ordered.push({
        ...node,
        depth,
        current,
        previous,
        change: current - previous,
        changePercent: percentChange(current, previous),
        lastYear: at(-3),
        yearToDate: at(-1),
        lastYearToDate: at(-2),
        sparkline: series.slice(-SPARKLINE),
        flag: {
          level: flag.level,
          expected: flag.expected,
          pValue: flag.pValue,
          dispersion: flag.dispersion,
        },
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
    current: period,
    previous: { start: comparison.previous.start, end: comparison.previous.end },
    lastYear: { start: comparison.lastYear.start, end: comparison.lastYear.end },
    yearToDate: comparison.yearToDate,
    lastYearToDate: comparison.lastYearToDate,
    rows: ordered,
  };
}
