import { dbDateToLocalDate, type LocalDate } from "../../../shared/calendar.ts";
import {
  type DesiredDirection,
  effectDirection,
  incidentChange,
  type MeasuredEffect,
  PUBLIC_MIN_COUNT,
  type SurveyPoint,
  surveyChange,
  yearToDateWindows,
} from "../../../shared/lofte-effects.ts";
import {
  type EffectInput,
  EffectInputSchema,
  type UpdateEffectInput,
  UpdateEffectInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import type { SurveyUnit } from "../../../shared/surveys.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { coveredAreas, listAreas } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import { areaIdsOf, findPromise, type PublicScope } from "./medborgarlofte.service.ts";
import { forgetPublicPage } from "./public-cache.ts";

/** The columns of an effect, checked: the area and indicator exist, and a survey has results there. */
async function effectData(
  scope: ServiceScope,
  input: Omit<ReturnType<typeof EffectInputSchema.parse>, "promiseId">,
) {
  const { db, workspace } = scope;
  const [areaId = ""] = await areaIdsOf(scope, [input.areaCode]);
  const indicator = input.indicator;
  if (indicator.kind === "survey") {
    const found = await db.surveyResult.findFirst({
      where: {
        workspaceId: workspace.id,
        dataSourceId: indicator.dataSourceId,
        indicator: indicator.indicator,
        areaId,
      },
      select: { year: true },
    });
    if (!found) throw new AppError("NOT_FOUND", `No survey results for ${indicator.indicator} in that area`);
  } else {
    resolveCategoryScope(await listCategories({ db, workspace }), [indicator.categoryCode]);
  }
  return {
    description: input.description,
    indicatorKind: indicator.kind,
    dataSourceId: indicator.kind === "survey" ? indicator.dataSourceId : null,
    indicator: indicator.kind === "survey" ? indicator.indicator : null,
    categoryCode: indicator.kind === "incidents" ? indicator.categoryCode : null,
    areaId,
    desiredDirection: input.desiredDirection,
    baselineYear: input.baselineYear,
  };
}

/** An expected effect tied to a survey indicator or an incident category in one area. */
export async function addEffect(scope: ServiceScope, raw: EffectInput) {
  const { promiseId, ...input } = EffectInputSchema.parse(raw);
  await findPromise(scope, promiseId);
  const created = await scope.db.lofteEffect.create({
    data: { workspaceId: scope.workspace.id, promiseId, ...(await effectData(scope, input)) },
    select: { id: true },
  });
  forgetPublicPage(scope.workspace.slug);
  return created;
}

/** The effect corrected: description, direction, baseline year, area or indicator. */
export async function updateEffect(scope: ServiceScope, raw: UpdateEffectInput) {
  const { effectId, ...input } = UpdateEffectInputSchema.parse(raw);
  const where = { workspaceId: scope.workspace.id, id: effectId };
  const exists = await scope.db.lofteEffect.count({ where });
  if (exists === 0) throw new AppError("NOT_FOUND", "No such expected effect in this workspace");
  await scope.db.lofteEffect.updateMany({ where, data: await effectData(scope, input) });
  forgetPublicPage(scope.workspace.slug);
  return { id: effectId };
}

export async function removeEffect(scope: ServiceScope, effectId: string) {
  const { count } = await scope.db.lofteEffect.deleteMany({
    where: { workspaceId: scope.workspace.id, id: effectId },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such expected effect in this workspace");
  forgetPublicPage(scope.workspace.slug);
}

type EffectRow = {
  dataSourceId: string | null;
  indicator: string | null;
  categoryCode: string | null;
  areaId: string;
  desiredDirection: string;
  baselineYear: number;
};
type Context = { db: Db; workspaceId: string; asOf: LocalDate; isPublic: boolean };

/** What every effect of the workspace is measured against: read once per call, not once per effect. */
async function workspaceLookups({ db, workspaceId }: Context, rows: { indicatorKind: string }[]) {
  const hasSurveys = rows.some((r) => r.indicatorKind === "survey");
  const hasIncidents = rows.some((r) => r.indicatorKind !== "survey");
  const surveyMinRespondents = hasSurveys
    ? (
        await db.workspace.findUniqueOrThrow({
          where: { id: workspaceId },
          select: { surveyMinRespondents: true },
        })
      ).surveyMinRespondents
    : 0;
  if (!hasIncidents) return { surveyMinRespondents, lastDay: null, categories: [], areas: [] };
  const [latest] = await db.$queryRaw<{ day: Date | null }[]>`
    SELECT MAX(day) AS day FROM daily_incident_counts WHERE workspace_id = ${workspaceId}::uuid`;
  return {
    surveyMinRespondents,
    lastDay: latest?.day ? dbDateToLocalDate(latest.day) : null,
    categories: await listCategories({ db, workspace: { id: workspaceId } }),
    areas: await listAreas({ db, workspace: { id: workspaceId } }),
  };
}
type Lookups = Awaited<ReturnType<typeof workspaceLookups>>;

/** The baseline year's result (or the latest before it) and the latest result after it, up to `asOf`'s year. */
async function measureSurvey(
  { db, workspaceId, asOf }: Context,
  { surveyMinRespondents }: Lookups,
  row: EffectRow,
): Promise<MeasuredEffect> {
  const rows = await db.surveyResult.findMany({
    where: {
      workspaceId,
      dataSourceId: row.dataSourceId ?? "",
      indicator: row.indicator ?? "",
      areaId: row.areaId,
    },
    select: { year: true, value: true, lower: true, upper: true, respondents: true, unit: true },
    orderBy: { year: "asc" },
  });
  const point = ({ unit: _unit, ...rest }: (typeof rows)[number]): SurveyPoint => rest;
  const baselineRow = rows.filter((r) => r.year <= row.baselineYear).at(-1);
  const latestRow = rows
    .filter((r) => r.year > row.baselineYear && r.year <= Number(asOf.slice(0, 4)))
    .at(-1);
  const baseline = baselineRow ? point(baselineRow) : null;
  const latest = latestRow ? point(latestRow) : null;
  const change = baseline && latest ? surveyChange(baseline, latest, surveyMinRespondents) : null;
  return {
    kind: "survey",
    unit: (rows[0]?.unit ?? "index") as SurveyUnit,
    baseline,
    latest,
    change,
    direction: effectDirection(change?.verdict ?? "no_data", row.desiredDirection as DesiredDirection),
  };
}

/** This year so far against the same days of the baseline year; on the public page counts below 5 are withheld. */
async function measureIncidents(
  context: Context,
  { lastDay, categories, areas }: Lookups,
  row: EffectRow,
): Promise<MeasuredEffect> {
  const { db, workspaceId, asOf, isPublic } = context;
  const year = Number(asOf.slice(0, 4));
  // Up to the last day with data, so days not yet delivered do not read as a fall.
  const until = [lastDay ?? asOf, asOf].sort()[0] ?? asOf;
  const windows =
    lastDay && year > row.baselineYear ? yearToDateWindows(year, row.baselineYear, until) : null;
  const direction = row.desiredDirection as DesiredDirection;
  // A category renamed or removed since leaves the effect unmeasured rather than the page broken.
  if (!windows || !categories.some((c) => c.code === row.categoryCode))
    return {
      kind: "incidents",
      baseline: null,
      current: null,
      percentChange: null,
      percentInterval: null,
      verdict: "no_data",
      direction: "not_measurable",
    };
  const code = areas.find((a) => a.id === row.areaId)?.code;
  const areaIds = code ? coveredAreas(areas, [code]).map((a) => a.id) : [row.areaId];
  const categoryIds = resolveCategoryScope(categories, [row.categoryCode ?? ""]) ?? [];
  const count = async (range: { start: string; end: string }) => {
    const [result] = await db.$queryRaw<{ n: number }[]>`
      SELECT COALESCE(SUM(registered), 0)::int AS n FROM daily_incident_counts
      WHERE workspace_id = ${workspaceId}::uuid AND day BETWEEN ${range.start}::date AND ${range.end}::date
        AND area_id = ANY(${areaIds}::uuid[]) AND category_id = ANY(${categoryIds}::uuid[])`;
    return result?.n ?? 0;
  };
  const before = await count(windows.baseline);
  const after = await count(windows.current);
  const isWithheld = isPublic && (before < PUBLIC_MIN_COUNT || after < PUBLIC_MIN_COUNT);
  const effect = incidentChange(before, after);
  const verdict = isWithheld ? "too_few" : effect.verdict;
  const shown = (n: number) => (isPublic && n < PUBLIC_MIN_COUNT ? null : n);
  return {
    kind: "incidents",
    baseline: { range: windows.baseline, count: shown(before) },
    current: { range: windows.current, count: shown(after) },
    percentChange: isWithheld ? null : effect.percentChange,
    percentInterval: isWithheld ? null : effect.percentInterval,
    verdict,
    direction: effectDirection(verdict, direction),
  };
}

/**
 * The promises' expected effects with their baseline, latest value and direction as of `asOf`;
 * `isPublic` withholds counts below 5 (the public page).
 */
export async function measureEffects(
  { db, workspace }: PublicScope,
  input: { promiseIds: string[]; asOf: LocalDate; isPublic: boolean; areaName: (id: string) => string },
) {
  const { promiseIds, areaName } = input;
  const context: Context = { db, workspaceId: workspace.id, asOf: input.asOf, isPublic: input.isPublic };
  const rows = await context.db.lofteEffect.findMany({
    where: { workspaceId: context.workspaceId, promiseId: { in: promiseIds } },
    select: {
      id: true,
      promiseId: true,
      description: true,
      indicatorKind: true,
      dataSourceId: true,
      indicator: true,
      categoryCode: true,
      areaId: true,
      desiredDirection: true,
      baselineYear: true,
    },
    orderBy: { createdAt: "asc" },
  });
  const lookups = await workspaceLookups(context, rows);
  const measured = [];
  for (const row of rows)
    measured.push({
      id: row.id,
      promiseId: row.promiseId,
      description: row.description,
      indicatorKind: row.indicatorKind as "survey" | "incidents",
      dataSourceId: row.dataSourceId,
      indicator: row.indicator,
      categoryCode: row.categoryCode,
      areaId: row.areaId,
      areaName: areaName(row.areaId),
      desiredDirection: row.desiredDirection as DesiredDirection,
      baselineYear: row.baselineYear,
      measured:
        row.indicatorKind === "survey"
          ? await measureSurvey(context, lookups, row)
          : await measureIncidents(context, lookups, row),
    });
  return measured;
}
