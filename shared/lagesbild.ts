import type { z } from "zod";
import type { LocalDate } from "./calendar.ts";
import type {
  CategoryFigureSchema,
  DistrictFigureSchema,
  FigureChangeSchema,
  FollowUpViewSchema,
  InsatsViewSchema,
  LagesbildComparisonSchema,
  LagesbildContentSchema,
  LagesbildFiguresSchema,
  RisingFigureSchema,
  RisingOverTimeFigureSchema,
} from "./schemas/lagesbild.ts";

// What a lägesbild shows, the same shape live (a draft) and frozen (a published snapshot), and
// the pure comparisons between two of them or between a snapshot and today's data. The shapes
// are the procedures' output schemas (shared/schemas/lagesbild.ts).

export type DistrictFigure = z.infer<typeof DistrictFigureSchema>;
export type CategoryFigure = z.infer<typeof CategoryFigureSchema>;
export type RisingFigure = z.infer<typeof RisingFigureSchema>;
/** A category × area whose sustained flag ("ökar över tid") is sure or likely, in words. */
export type RisingOverTimeFigure = z.infer<typeof RisingOverTimeFigureSchema>;
export type LagesbildFigures = z.infer<typeof LagesbildFiguresSchema>;
export type FollowUpView = z.infer<typeof FollowUpViewSchema>;
export type InsatsView = z.infer<typeof InsatsViewSchema>;
export type LagesbildContent = z.infer<typeof LagesbildContentSchema>;

/** An insats is overdue when it should have ended before the day it is judged on and is still open. */
export function isInsatsOverdue(insats: { status: string; endOn: LocalDate | null }, on: LocalDate): boolean {
  return insats.status === "open" && insats.endOn !== null && insats.endOn < on;
}

export type FigureChange = z.infer<typeof FigureChangeSchema>;

/** What today's data says differently from a published snapshot: per district and category. */
export function diffFigures(published: LagesbildFigures, live: LagesbildFigures): FigureChange[] {
  const changes: FigureChange[] = [];
  if (published.total.count !== live.total.count)
    changes.push({ label: "Totalt", published: published.total.count, live: live.total.count });
  const liveDistricts = new Map(live.districts.map((d) => [d.areaId, d]));
  for (const district of published.districts) {
    const now = liveDistricts.get(district.areaId)?.count ?? 0;
    if (now !== district.count) changes.push({ label: district.name, published: district.count, live: now });
  }
  const liveCategories = new Map(live.categories.map((c) => [c.code ?? c.nameSv, c]));
  for (const category of published.categories) {
    const now = liveCategories.get(category.code ?? category.nameSv)?.current ?? 0;
    if (now !== category.current)
      changes.push({ label: category.nameSv, published: category.current, live: now });
  }
  return changes;
}

export type LagesbildComparison = z.infer<typeof LagesbildComparisonSchema>;

/** Two lägesbilder side by side: what rose, what fell, which statuses moved, which insatser opened and closed. */
export function compareLagesbilder(a: LagesbildContent, b: LagesbildContent): LagesbildComparison {
  const key = (c: CategoryFigure) => c.code ?? c.nameSv;
  const aCategories = new Map(a.figures.categories.map((c) => [key(c), c]));
  const categoryKeys = new Set([...a.figures.categories.map(key), ...b.figures.categories.map(key)]);
  const bCategories = new Map(b.figures.categories.map((c) => [key(c), c]));
  const categories = [...categoryKeys].flatMap((k) => {
    const before = aCategories.get(k);
    const after = bCategories.get(k);
    const named = after ?? before;
    if (!named || named.depth > 1) return [];
    const change = (after?.current ?? 0) - (before?.current ?? 0);
    return [
      {
        code: named.code,
        nameSv: named.nameSv,
        nameEn: named.nameEn,
        a: before?.current ?? 0,
        b: after?.current ?? 0,
        change,
      },
    ];
  });
  const aDistricts = new Map(a.figures.districts.map((d) => [d.areaId, d]));
  const districts = b.figures.districts.map((d) => {
    const before = aDistricts.get(d.areaId)?.count ?? 0;
    return { areaId: d.areaId, name: d.name, a: before, b: d.count, change: d.count - before };
  });
  const aStatus = new Map(a.statuses.map((s) => [s.areaId, s]));
  const bStatus = new Map(b.statuses.map((s) => [s.areaId, s]));
  const statusMoves = [...new Set([...aStatus.keys(), ...bStatus.keys()])].flatMap((areaId) => {
    const from = aStatus.get(areaId);
    const to = bStatus.get(areaId);
    if ((from?.level ?? null) === (to?.level ?? null)) return [];
    return [{ areaName: (to ?? from)?.areaName ?? areaId, from: from?.level ?? null, to: to?.level ?? null }];
  });
  const aInsatser = new Map(a.insatser.map((i) => [i.id, i]));
  const insatserOpened = b.insatser
    .filter((i) => i.status === "open" && !aInsatser.has(i.id))
    .map(({ id, title }) => ({ id, title }));
  const bInsatser = new Map(b.insatser.map((i) => [i.id, i]));
  const insatserClosed = a.insatser
    .filter((i) => i.status === "open" && (bInsatser.get(i.id)?.status ?? "closed") === "closed")
    .map(({ id, title }) => ({ id, title }));
  const byChange = <T extends { change: number }>(rows: T[]) =>
    rows.filter((row) => row.change !== 0).sort((x, y) => y.change - x.change);
  return {
    categories: byChange(categories),
    districts: byChange(districts),
    statusMoves,
    insatserOpened,
    insatserClosed,
  };
}
