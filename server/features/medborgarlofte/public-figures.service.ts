import { addDays, dbDateToLocalDate, type LocalDate } from "../../../shared/calendar.ts";
import { type MeasuredEffect, yearToDateWindows } from "../../../shared/lofte-effects.ts";
import {
  containingCells,
  type FigureCell,
  fixedProblemsFigure,
  publicCount,
} from "../../../shared/public-figures.ts";
import {
  type PublicSettingsInput,
  PublicSettingsInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { coveredAreas, listAreas, populationByArea, populationsFor } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import type { PublicScope } from "./medborgarlofte.service.ts";
import { forgetPublicPage } from "./public-cache.ts";

/** How many years (this one included) a public trend shows, each the same days of the year. */
const TREND_YEARS = 5;

type Workspace = { id: string; timezone: string };
type AreaRow = Awaited<ReturnType<typeof listAreas>>[number];
type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

async function settingsRow(db: Db, workspaceId: string) {
  return db.loftePublicSettings.findUnique({
    where: { workspaceId },
    select: { trendCategoryCodes: true, trendAreaIds: true, showsFixedProblems: true },
  });
}

/** What the public page shows besides the promises, as the admin's form edits it. */
export async function getPublicSettings({ db, workspace }: ServiceScope) {
  const row = await settingsRow(db, workspace.id);
  const areas = await listAreas({ db, workspace });
  return {
    categoryCodes: row?.trendCategoryCodes ?? [],
    areaCodes: (row?.trendAreaIds ?? []).flatMap((id) => areas.find((a) => a.id === id)?.code ?? []),
    showsFixedProblems: row?.showsFixedProblems ?? false,
  };
}

/** The first pair where one lies inside the other, or null. */
function nestedPair<T extends { id: string }>(items: readonly T[], inside: (item: T) => Set<string>) {
  for (const outer of items)
    for (const inner of items)
      if (inner !== outer && inside(outer).has(inner.id)) return [outer, inner] as const;
  return null;
}

/**
 * An admin chooses the public trends and whether the fixed problems show. A category inside
 * another, or an area inside another, is refused: the larger would be a total of the smaller.
 */
export async function setPublicSettings(scope: ServiceScope, raw: PublicSettingsInput) {
  const input = PublicSettingsInputSchema.parse(raw);
  const { db, workspace } = scope;
  const categories = await listCategories({ db, workspace });
  const areas = await listAreas({ db, workspace });
  resolveCategoryScope(categories, input.categoryCodes);
  const chosenAreas = coveredAreas(areas, input.areaCodes).filter((a) =>
    input.areaCodes.includes(a.code ?? ""),
  );
  const chosenCategories = categories.filter((c) => input.categoryCodes.includes(c.code));
  const nestedCategory = nestedPair(
    chosenCategories,
    (c) => new Set(resolveCategoryScope(categories, [c.code])),
  );
  if (nestedCategory)
    throw new AppError("VALIDATION", {
      reason: "PUBLIC_CATEGORY_NESTED",
      params: { inner: nestedCategory[1].code, outer: nestedCategory[0].code },
      field: "categoryCodes",
    });
  const nestedArea = nestedPair(
    chosenAreas,
    (a) => new Set(coveredAreas(areas, [a.code ?? ""]).map((covered) => covered.id)),
  );
  if (nestedArea)
    throw new AppError("VALIDATION", {
      reason: "PUBLIC_AREA_NESTED",
      params: { inner: nestedArea[1].name, outer: nestedArea[0].name },
      field: "areaCodes",
    });
  const data = {
    trendCategoryCodes: [...new Set(input.categoryCodes)],
    trendAreaIds: chosenAreas.map((a) => a.id),
    showsFixedProblems: input.showsFixedProblems,
    updatedBy: scope.actor.userId,
    updatedAt: new Date(),
  };
  await db.loftePublicSettings.upsert({
    where: { workspaceId: workspace.id },
    create: { workspaceId: workspace.id, ...data },
    update: data,
  });
  forgetPublicPage(workspace.slug);
  return getPublicSettings(scope);
}

/** Findings of the last twelve months (rejected ones are no problem) and how many are fixed. */
async function fixedProblems(db: Db, workspace: Workspace, asOf: LocalDate) {
  const start = addDays(asOf, -364);
  const [row] = await db.$queryRaw<{ total: number; fixed: number }[]>`
    SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE f.status = 'atgardad')::int AS fixed
    FROM walk_findings f
    WHERE f.workspace_id = ${workspace.id}::uuid AND f.status <> 'avvisad'
      AND COALESCE((SELECT (w.starts_at AT TIME ZONE ${workspace.timezone})::date FROM safety_walks w
        WHERE w.workspace_id = f.workspace_id AND w.id = f.walk_id),
        (f.created_at AT TIME ZONE ${workspace.timezone})::date) BETWEEN ${start}::date AND ${asOf}::date`;
  return { period: { start, end: asOf }, ...fixedProblemsFigure(row?.total ?? 0, row?.fixed ?? 0) };
}

/** The same days (1 January up to the last day with data) in each of the last years. */
function trendWindows(asOf: LocalDate, lastDay: LocalDate | null) {
  const year = Number(asOf.slice(0, 4));
  const until = lastDay && lastDay < asOf ? lastDay : asOf;
  return Array.from({ length: TREND_YEARS }, (_, index) => year - TREND_YEARS + 1 + index).flatMap((each) => {
    const windows = yearToDateWindows(year, each, until);
    if (!windows) return [];
    return [{ year: each, ...(each === year ? windows.current : windows.baseline) }];
  });
}

const windowKey = (range: { start: string; end: string }) => `${range.start}/${range.end}`;

type PublicEffect = { id: string; categoryCode: string | null; areaId: string; measured: MeasuredEffect };

/**
 * The chosen trends (each area and category, the same days of the last five years) with counts
 * below 5 withheld and no rate for them, and the public effects, with every figure that contains
 * another of the same days withheld (secondary suppression, shared/public-figures.ts).
 */
async function trendsAndEffects(
  db: Db,
  workspace: Workspace,
  asOf: LocalDate,
  settings: { trendCategoryCodes: string[]; trendAreaIds: string[] },
  effects: PublicEffect[],
) {
  const categories = await listCategories({ db, workspace });
  const areas = await listAreas({ db, workspace });
  const categoryIdsOf = (code: string | null) =>
    categories.some((c) => c.code === code) ? new Set(resolveCategoryScope(categories, [code ?? ""])) : null;
  const areaIdsOf = (area: AreaRow | undefined) =>
    area?.code ? new Set(coveredAreas(areas, [area.code]).map((a) => a.id)) : new Set([area?.id ?? ""]);
  const chosenCategories = settings.trendCategoryCodes.flatMap((code) => {
    const category = categories.find((c) => c.code === code);
    return category ? [category] : [];
  });
  const chosenAreas = settings.trendAreaIds.flatMap((id) => areas.find((a) => a.id === id) ?? []);
  const [latest] = await db.$queryRaw<{ day: Date | null }[]>`
    SELECT MAX(day) AS day FROM daily_incident_counts WHERE workspace_id = ${workspace.id}::uuid`;
  const windows = trendWindows(asOf, latest?.day ? dbDateToLocalDate(latest.day) : null);
  const series = chosenAreas.flatMap((area) =>
    chosenCategories.map((category) => ({
      area,
      category: category as CategoryRow,
      categoryIds: categoryIdsOf(category.code) ?? new Set<string>(),
      areaIds: areaIdsOf(area),
    })),
  );
  const counts = await countCells(db, workspace.id, windows, series);
  const populations = new Map<number, Map<string, number | null>>();
  for (const window of windows)
    populations.set(
      window.year,
      populationByArea(
        areas,
        await populationsFor({ db, workspace }, { areaIds: areas.map((a) => a.id), year: window.year }),
      ),
    );
  const cells: FigureCell[] = [
    ...series.flatMap((s, index) =>
      windows.map((w) => ({ key: `trend:${index}:${w.year}`, window: windowKey(w), ...s })),
    ),
    ...effects.flatMap((effect) => {
      const categoryIds = categoryIdsOf(effect.categoryCode);
      const measured = effect.measured;
      if (measured.kind !== "incidents" || !categoryIds || !measured.baseline || !measured.current) return [];
      const areaIds = areaIdsOf(areas.find((a) => a.id === effect.areaId));
      return [measured.baseline.range, measured.current.range].map((range) => ({
        key: `effect:${effect.id}`,
        window: windowKey(range),
        categoryIds,
        areaIds,
      }));
    }),
  ];
  const withheld = containingCells(cells);
  const trends = {
    years: windows.map((w) => ({ year: w.year, start: w.start, end: w.end })),
    series: series.map((s, index) => ({
      areaName: s.area.name,
      categoryName: s.category.nameSv,
      categoryNameEn: s.category.nameEn,
      cells: windows.map((w) => {
        const isWithheld = withheld.has(`trend:${index}:${w.year}`);
        const figure = publicCount(
          counts.get(`${index}:${w.year}`) ?? 0,
          populations.get(w.year)?.get(s.area.id) ?? null,
        );
        return isWithheld
          ? { year: w.year, count: null, rate: null, isSuppressed: figure.isSuppressed, isWithheld }
          : { year: w.year, ...figure, isWithheld };
      }),
    })),
  };
  return { trends, withheldEffects: new Set([...withheld].filter((key) => key.startsWith("effect:"))) };
}

/** Each series' count in each window, from one query over the daily counts. */
async function countCells(
  db: Db,
  workspaceId: string,
  windows: { year: number; start: string; end: string }[],
  series: { categoryIds: Set<string>; areaIds: Set<string> }[],
) {
  const result = new Map<string, number>();
  if (series.length === 0 || windows.length === 0) return result;
  const allAreas = [...new Set(series.flatMap((s) => [...s.areaIds]))];
  const allCategories = [...new Set(series.flatMap((s) => [...s.categoryIds]))];
  const rows = await db.$queryRaw<{ areaId: string; categoryId: string; year: number; n: number }[]>`
    SELECT c.area_id::text AS "areaId", c.category_id::text AS "categoryId", w.year, SUM(c.registered)::int AS n
    FROM daily_incident_counts c
    JOIN unnest(${windows.map((w) => w.start)}::date[], ${windows.map((w) => w.end)}::date[],
      ${windows.map((w) => w.year)}::int[]) AS w(first_day, last_day, year)
      ON c.day BETWEEN w.first_day AND w.last_day
    WHERE c.workspace_id = ${workspaceId}::uuid
      AND c.area_id = ANY(${allAreas}::uuid[]) AND c.category_id = ANY(${allCategories}::uuid[])
    GROUP BY 1, 2, 3`;
  for (const row of rows)
    series.forEach((s, index) => {
      if (!s.areaIds.has(row.areaId) || !s.categoryIds.has(row.categoryId)) return;
      const key = `${index}:${row.year}`;
      result.set(key, (result.get(key) ?? 0) + row.n);
    });
  return result;
}

/** Everything the public page shows besides the promises, suppressed; effects' figures withheld where they nest. */
export async function publicFigures(
  { db, workspace }: PublicScope,
  { asOf, effects }: { asOf: LocalDate; effects: PublicEffect[] },
) {
  const settings = await settingsRow(db, workspace.id);
  const { trends, withheldEffects } = await trendsAndEffects(
    db,
    workspace,
    asOf,
    settings ?? { trendCategoryCodes: [], trendAreaIds: [] },
    effects,
  );
  return {
    fixedProblems: settings?.showsFixedProblems ? await fixedProblems(db, workspace, asOf) : null,
    trends: trends.series.length > 0 ? trends : null,
    isEffectWithheld: (id: string) => withheldEffects.has(`effect:${id}`),
  };
}
