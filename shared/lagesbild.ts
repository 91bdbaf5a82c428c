import type { LocalDate } from "./calendar.ts";
import type { LinkedRise, StatusLevel } from "./schemas/lagesbild.ts";

// What a lägesbild shows, the same shape live (a draft) and frozen (a published snapshot), and
// the pure comparisons between two of them or between a snapshot and today's data.

export type DistrictFigure = {
  areaId: string;
  code: string | null;
  name: string;
  population: number | null;
  count: number;
  previousCount: number;
  rate: number | null;
  changePercent: number | null;
  findings: number;
  openFindings: number;
  reports: number;
  themes: number;
};

export type CategoryFigure = {
  code: string | null;
  nameSv: string;
  nameEn: string;
  depth: number;
  current: number;
  previous: number;
  lastYear: number;
  changePercent: number | null;
  level: "clear" | "possible" | "normal" | "too_few";
};

export type RisingFigure = {
  categoryCode: string;
  categoryNameSv: string;
  categoryNameEn: string;
  areaCode: string | null;
  areaName: string;
  current: number;
  expected: number;
  level: "clear" | "possible";
};

/** A category × area whose sustained flag ("ökar över tid") is sure or likely, in words. */
export type RisingOverTimeFigure = {
  categoryCode: string;
  categoryNameSv: string;
  categoryNameEn: string;
  areaCode: string | null;
  areaName: string;
  level: "sure" | "likely";
  textSv: string;
  textEn: string;
};

export type LagesbildFigures = {
  period: { kind: string; start: LocalDate; end: LocalDate };
  previous: { start: LocalDate; end: LocalDate };
  districts: DistrictFigure[];
  total: { count: number; previousCount: number; findings: number; openFindings: number; reports: number };
  categories: CategoryFigure[];
  rising: RisingFigure[];
  /** Absent in versions published before the sustained flag existed. */
  risingOverTime?: RisingOverTimeFigure[];
  themes: { theme: string; dialogues: number }[];
  surveys: { survey: string; indicator: string; area: string; year: number; value: number; unit: string }[];
};

export type FollowUpView = {
  id: string;
  lagesbildId: string | null;
  whatDone: string;
  doneOn: LocalDate;
  effect: string;
  organizationName: string | null;
};

export type InsatsView = {
  id: string;
  title: string;
  problem: string;
  areaIds: string[];
  areaNames: string[];
  points: { lon: number; lat: number }[];
  organizationId: string | null;
  organizationName: string | null;
  contactName: string | null;
  startOn: LocalDate;
  endOn: LocalDate | null;
  recurrence: string | null;
  resources: string | null;
  linkedRises: LinkedRise[];
  linkedFindingIds: string[];
  linkedThemes: string[];
  status: "open" | "closed";
  closedAt: string | null;
  decidedInId: string | null;
  /** Decided at an earlier meeting and still open when this period began. */
  isCarried: boolean;
  isOverdue: boolean;
  /** Carried over and no återkoppling given for this lägesbild yet. */
  needsFollowUp: boolean;
  followUps: FollowUpView[];
};

export type LagesbildContent = {
  workspaceName: string;
  scope: { areaCodes: string[]; areaNames: string[] };
  levels: StatusLevel[];
  figures: LagesbildFigures;
  statuses: {
    areaId: string;
    areaCode: string | null;
    areaName: string;
    level: string;
    justification: string;
  }[];
  assessment: string;
  contributions: { organizationId: string; organizationName: string; text: string }[];
  insatser: InsatsView[];
};

/** An insats is overdue when it should have ended before the day it is judged on and is still open. */
export function isInsatsOverdue(insats: { status: string; endOn: LocalDate | null }, on: LocalDate): boolean {
  return insats.status === "open" && insats.endOn !== null && insats.endOn < on;
}

export type FigureChange = { label: string; published: number; live: number };

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

export type LagesbildComparison = {
  categories: { code: string | null; nameSv: string; nameEn: string; a: number; b: number; change: number }[];
  districts: { areaId: string; name: string; a: number; b: number; change: number }[];
  statusMoves: { areaName: string; from: string | null; to: string | null }[];
  insatserOpened: { id: string; title: string }[];
  insatserClosed: { id: string; title: string }[];
};

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
