import type { z } from "zod";
import { periodOfInput } from "../../../shared/periods.ts";
import { isLargeEnough, sustainedPlan } from "../../../shared/rising-over-time.ts";
import type { CompstatInputSchema, RisingOverTimeOutput } from "../../../shared/schemas/analysis.ts";
import type { StatisticsScope } from "../../service-scope.ts";
import { type ResolvedSelection, resolveSelection } from "../incidents/incident-selection.ts";
import { ancestorsOf } from "./analysis.service.ts";
import {
  addCounts,
  assessCounts,
  dataCoverage,
  emptyCounts,
  type SustainedCounts,
  sustainedCounts,
} from "./sustained.service.ts";

type Input = z.output<typeof CompstatInputSchema>;

/** Whether any window could show a rise at all: the flag is only computed where one might. */
function mayRise(counts: SustainedCounts, weeks: number[]) {
  return weeks.some((length, k) => {
    const current = counts.windows[2 * k] ?? 0;
    const earlier = counts.windows[2 * k + 1] ?? 0;
    return current > earlier && isLargeEnough({ current, earlier, weeks: length });
  });
}

/**
 * "Ökar över tid" for leadership: every category group (and its children) in every area of the
 * selection whose sustained flag is sure or likely at the period's end, strongest evidence first.
 */
export async function getRisingOverTime(
  { db, workspace }: StatisticsScope,
  input: Input,
  { limit = 8, resolved }: { limit?: number; resolved?: ResolvedSelection } = {},
): Promise<RisingOverTimeOutput> {
  const [selection, coverage] = await Promise.all([
    resolved ?? resolveSelection({ db, workspace }, input),
    dataCoverage({ db, workspaceId: workspace.id, sourceIds: input.sourceIds }),
  ]);
  const { areas, categories } = selection;
  const period = periodOfInput(input.period, workspace.meetingAnchor);
  const plan = sustainedPlan(period, coverage);
  const counts = await sustainedCounts(db, selection.counts("both"), plan);
  const categoryChain = ancestorsOf(categories);
  const areaChain = ancestorsOf(areas);
  const pairs = new Map<string, SustainedCounts>();
  for (const [key, value] of counts) {
    const [categoryId = "", areaId = ""] = key.split("|");
    // Only the two top levels of the category tree, as in Ökar nu.
    const chain = categoryChain(categoryId);
    for (const category of chain.slice(Math.max(0, chain.length - 2))) {
      for (const area of areaChain(areaId)) {
        const pairKey = `${category.id}|${area.id}`;
        const total = pairs.get(pairKey) ?? emptyCounts(plan);
        addCounts(total, value);
        pairs.set(pairKey, total);
      }
    }
  }
  const weeks = plan.windows.map((window) => window.weeks);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const rising: RisingOverTimeOutput = [];
  for (const [key, value] of pairs) {
    if (!mayRise(value, weeks)) continue;
    const flag = assessCounts(plan, value);
    if ((flag.level !== "sure" && flag.level !== "likely") || flag.pValue === null || !flag.window) continue;
    const [categoryId = "", areaId = ""] = key.split("|");
    const category = categoryById.get(categoryId);
    const area = areaById.get(areaId);
    if (!category || !area) continue;
    rising.push({
      categoryCode: category.code,
      categoryNameSv: category.nameSv,
      categoryNameEn: category.nameEn,
      areaCode: area.code,
      areaName: area.name,
      level: flag.level,
      pValue: flag.pValue,
      window: flag.window,
    });
  }
  return rising
    .sort((a, b) => a.pValue - b.pValue || (b.window.changePercent ?? 0) - (a.window.changePercent ?? 0))
    .slice(0, limit);
}
