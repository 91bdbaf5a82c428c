import { toLocalDate } from "../../../shared/calendar.ts";
import {
  type CreatePromiseInput,
  CreatePromiseInputSchema,
  PublishInputSchema,
  type UpdatePromiseInput,
  UpdatePromiseInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { listAreas } from "../areas/areas.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { forgetPublicPage } from "./public-cache.ts";

/**
 * What the public page's services read with: the workspace named by the page's address, and no
 * one acting (no session). A ServiceScope is one too, so the EST group's view shares them.
 */
export type PublicScope = { db: Db; workspace: Pick<CurrentWorkspace, "id" | "name" | "timezone"> };

/** A promise's own fields, as both the EST group's view and the public page read them. */
export const promiseBodySelect = {
  id: true,
  title: true,
  text: true,
  startYear: true,
  endYear: true,
  organizationIds: true,
  signatories: true,
  areaIds: true,
  basedOnDialogueIds: true,
  basedOnThemes: true,
  basedOnLagesbildIds: true,
  basedOnSurveys: true,
  showsDialogueSchedule: true,
} as const;

export const todayIn = (workspace: CurrentWorkspace) => toLocalDate(new Date(), workspace.timezone);

/** The ids of areas given by code; an unknown code is refused with its name. */
export async function areaIdsOf({ db, workspace }: ServiceScope, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const byCode = new Map((await listAreas({ db, workspace })).map((a) => [a.code, a.id]));
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) throw new AppError("NOT_FOUND", `Unknown area code: ${unknown.join(", ")}`);
  return [...new Set(codes.map((code) => byCode.get(code) ?? ""))];
}

/** Organisations must take part in the workspace. */
export async function requireWorkspaceOrganizations({ db, workspace }: ServiceScope, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await db.workspaceOrganization.count({
    where: { workspaceId: workspace.id, organizationId: { in: unique } },
  });
  if (found !== unique.length)
    throw new AppError("NOT_FOUND", "An organisation is not part of this workspace");
  return unique;
}

async function requireBasedOn(
  scope: ServiceScope,
  basedOn: ReturnType<typeof CreatePromiseInputSchema.parse>["basedOn"],
) {
  const { db, workspace } = scope;
  const where = { workspaceId: workspace.id };
  const dialogueIds = [...new Set(basedOn.dialogueIds)];
  const lagesbildIds = [...new Set(basedOn.lagesbildIds)];
  const [dialogues, lagesbilder] = [
    await db.dialogue.count({ where: { ...where, id: { in: dialogueIds } } }),
    await db.lagesbild.count({ where: { ...where, id: { in: lagesbildIds } } }),
  ];
  if (dialogues !== dialogueIds.length)
    throw new AppError("NOT_FOUND", "A dialogue is not in this workspace");
  if (lagesbilder !== lagesbildIds.length)
    throw new AppError("NOT_FOUND", "A lägesbild is not in this workspace");
  const withResults =
    basedOn.surveys.length === 0
      ? []
      : await db.surveyResult.findMany({
          where: {
            ...where,
            OR: basedOn.surveys.map(({ dataSourceId, indicator }) => ({ dataSourceId, indicator })),
          },
          select: { dataSourceId: true, indicator: true },
          distinct: ["dataSourceId", "indicator"],
        });
  const missing = basedOn.surveys.find(
    (s) => !withResults.some((r) => r.dataSourceId === s.dataSourceId && r.indicator === s.indicator),
  );
  if (missing) throw new AppError("NOT_FOUND", `No survey results for ${missing.indicator}`);
  return { dialogueIds, lagesbildIds, themes: [...new Set(basedOn.themes)], surveys: basedOn.surveys };
}

async function promiseData(scope: ServiceScope, input: ReturnType<typeof CreatePromiseInputSchema.parse>) {
  const basedOn = await requireBasedOn(scope, input.basedOn);
  return {
    title: input.title,
    text: input.text,
    startYear: input.startYear,
    endYear: input.endYear,
    organizationIds: await requireWorkspaceOrganizations(scope, input.organizationIds),
    signatories: input.signatories,
    areaIds: await areaIdsOf(scope, input.areaCodes),
    basedOnDialogueIds: basedOn.dialogueIds,
    basedOnThemes: basedOn.themes,
    basedOnLagesbildIds: basedOn.lagesbildIds,
    basedOnSurveys: basedOn.surveys,
  };
}

export async function createPromise(scope: ServiceScope, raw: CreatePromiseInput) {
  const input = CreatePromiseInputSchema.parse(raw);
  return scope.db.medborgarlofte.create({
    data: {
      workspaceId: scope.workspace.id,
      ...(await promiseData(scope, input)),
      createdBy: scope.actor.userId,
    },
    select: { id: true },
  });
}

export async function findPromise({ db, workspace }: ServiceScope, id: string) {
  const promise = await db.medborgarlofte.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id } },
    select: { id: true, startYear: true, endYear: true, isPublished: true },
  });
  if (!promise) throw new AppError("NOT_FOUND", "No such medborgarlöfte in this workspace");
  return promise;
}

/** Changes the promise's text, years, parties or what it was based on (an extension is a later end year). */
export async function updatePromise(scope: ServiceScope, raw: UpdatePromiseInput) {
  const { id, ...input } = UpdatePromiseInputSchema.parse(raw);
  await findPromise(scope, id);
  await scope.db.medborgarlofte.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id } },
    data: { ...(await promiseData(scope, input)), updatedAt: new Date() },
  });
  forgetPublicPage(scope.workspace.slug);
  return { id };
}

/** Puts the promise on the public page (or takes it off), with the dialogue schedule if chosen. */
export async function publishPromise(scope: ServiceScope, raw: unknown) {
  const input = PublishInputSchema.parse(raw);
  await findPromise(scope, input.id);
  await scope.db.medborgarlofte.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id: input.id } },
    data: {
      isPublished: input.isPublished,
      showsDialogueSchedule: input.isPublished && input.showsDialogueSchedule,
      publishedAt: input.isPublished ? new Date() : null,
    },
  });
  forgetPublicPage(scope.workspace.slug);
  return { id: input.id, isPublished: input.isPublished };
}

export async function listPromises({ db, workspace }: ServiceScope) {
  const promises = await db.medborgarlofte.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, title: true, startYear: true, endYear: true, isPublished: true, publishedAt: true },
    orderBy: [{ endYear: "desc" }, { title: "asc" }],
  });
  const counts = await db.lofteActivity.groupBy({
    by: ["promiseId"],
    where: { workspaceId: workspace.id },
    _count: { _all: true },
  });
  const activities = new Map(counts.map((c) => [c.promiseId, c._count._all]));
  return promises.map((p) => ({
    ...p,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    activities: activities.get(p.id) ?? 0,
  }));
}
