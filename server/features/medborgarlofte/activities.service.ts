import { localDateToDbDate } from "../../../shared/calendar.ts";
import type { ActivityTarget } from "../../../shared/medborgarlofte.ts";
import {
  type AddActivityInput,
  AddActivityInputSchema,
  type AddProgressInput,
  AddProgressInputSchema,
  FocusAreaInputSchema,
  LinkInsatsInputSchema,
  type UpdateActivityInput,
  UpdateActivityInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { requireOwnership } from "../access/ownership.ts";
import { areaIdsOf, findPromise, requireWorkspaceOrganizations } from "./medborgarlofte.service.ts";
import { forgetPublicPage } from "./public-cache.ts";

export async function addFocusArea(scope: ServiceScope, raw: unknown) {
  const input = FocusAreaInputSchema.parse(raw);
  await findPromise(scope, input.promiseId);
  const created = await scope.db.lofteFocusArea.create({
    data: { workspaceId: scope.workspace.id, ...input },
    select: { id: true },
  });
  forgetPublicPage(scope.workspace.slug);
  return created;
}

function targetColumns(target: ActivityTarget) {
  return {
    targetKind: target.kind,
    targetCount: target.kind === "count" ? target.count : null,
    frequencyEvery: target.kind === "frequency" ? target.every : null,
    frequencyPer: target.kind === "frequency" ? target.per : null,
    targetText: target.kind === "description" ? target.text : null,
  };
}

type ActivityFields = Omit<ReturnType<typeof AddActivityInputSchema.parse>, "promiseId">;

async function activityData(
  scope: ServiceScope,
  promise: { id: string; startYear: number; endYear: number },
  input: ActivityFields,
) {
  if (input.focusAreaId) {
    const focusArea = await scope.db.lofteFocusArea.findUnique({
      where: { workspaceId_id: { workspaceId: scope.workspace.id, id: input.focusAreaId } },
      select: { promiseId: true },
    });
    if (focusArea?.promiseId !== promise.id)
      throw new AppError("NOT_FOUND", "The fokusområde is not part of this medborgarlöfte");
  }
  const periodStart = input.periodStart ?? `${promise.startYear}-01-01`;
  const periodEnd = input.periodEnd ?? `${promise.endYear}-12-31`;
  if (periodEnd < periodStart)
    throw new AppError("VALIDATION", { reason: "PERIOD_END_BEFORE_START", field: "periodEnd" });
  return {
    focusAreaId: input.focusAreaId,
    title: input.title,
    description: input.description,
    ...targetColumns(input.target),
    unit: input.unit,
    periodStart: localDateToDbDate(periodStart),
    periodEnd: localDateToDbDate(periodEnd),
    organizationIds: await requireWorkspaceOrganizations(scope, input.organizationIds),
    areaIds: await areaIdsOf(scope, input.areaCodes),
  };
}

/** An activity of the promise (or of one of its fokusområden): target, unit, period, who is responsible. */
export async function addActivity(scope: ServiceScope, raw: AddActivityInput) {
  const { promiseId, ...input } = AddActivityInputSchema.parse(raw);
  const promise = await findPromise(scope, promiseId);
  const created = await scope.db.lofteActivity.create({
    data: {
      workspaceId: scope.workspace.id,
      promiseId,
      ...(await activityData(scope, promise, input)),
      createdBy: scope.actor.userId,
    },
    select: { id: true },
  });
  forgetPublicPage(scope.workspace.slug);
  return created;
}

export async function findActivity({ db, workspace }: ServiceScope, id: string) {
  const activity = await db.lofteActivity.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id } },
    select: { id: true, promiseId: true, organizationIds: true },
  });
  if (!activity) throw new AppError("NOT_FOUND", "No such activity in this workspace");
  return activity;
}

export async function updateActivity(scope: ServiceScope, raw: UpdateActivityInput) {
  const { activityId, ...input } = UpdateActivityInputSchema.parse(raw);
  const activity = await findActivity(scope, activityId);
  const promise = await findPromise(scope, activity.promiseId);
  await scope.db.lofteActivity.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id: activityId } },
    data: { ...(await activityData(scope, promise, input)), updatedAt: new Date() },
  });
  forgetPublicPage(scope.workspace.slug);
  return { id: activityId };
}

/**
 * What was done for an activity. Analysts and admins record for any activity; a member only for
 * activities its organisation is responsible for (decisions/011); the entry belongs to the
 * recorder's organisation.
 */
export async function addProgress(scope: ServiceScope, raw: AddProgressInput) {
  const input = AddProgressInputSchema.parse(raw);
  const activity = await findActivity(scope, input.activityId);
  requireOwnership(scope.actor, activity.organizationIds, "activity");
  const [areaId = null] = input.areaCode ? await areaIdsOf(scope, [input.areaCode]) : [];
  const created = await scope.db.lofteProgress.create({
    data: {
      workspaceId: scope.workspace.id,
      activityId: input.activityId,
      doneOn: localDateToDbDate(input.doneOn),
      areaId,
      whatDone: input.whatDone,
      participants: input.participants,
      quantity: input.quantity,
      organizationId: scope.actor.organizationId,
      createdBy: scope.actor.userId,
    },
    select: { id: true },
  });
  forgetPublicPage(scope.workspace.slug);
  return created;
}

/** Removes a progress entry recorded by mistake: the recorder's organisation, analysts and admins. */
export async function removeProgress(scope: ServiceScope, progressId: string) {
  const where = { workspaceId_id: { workspaceId: scope.workspace.id, id: progressId } };
  const entry = await scope.db.lofteProgress.findUnique({ where, select: { organizationId: true } });
  if (!entry) throw new AppError("NOT_FOUND", "No such progress entry in this workspace");
  requireOwnership(scope.actor, [entry.organizationId], "progress entry");
  await scope.db.lofteProgress.delete({ where });
  forgetPublicPage(scope.workspace.slug);
}

/** Counts an insats decided in a lägesbild as progress for the activity (a link, read live), or stops counting it. */
export async function linkInsats(
  scope: ServiceScope,
  { isLinked, ...raw }: { activityId: string; insatsId: string; isLinked: boolean },
) {
  const input = LinkInsatsInputSchema.parse(raw);
  const { db, workspace, actor } = scope;
  const activity = await findActivity(scope, input.activityId);
  requireOwnership(actor, activity.organizationIds, "activity");
  const insats = await db.insats.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id: input.insatsId } },
    select: { id: true },
  });
  if (!insats) throw new AppError("NOT_FOUND", "No such insats in this workspace");
  const key = { workspaceId: workspace.id, activityId: input.activityId, insatsId: input.insatsId };
  if (isLinked)
    await db.lofteActivityInsats.upsert({
      where: { workspaceId_activityId_insatsId: key },
      create: { ...key, linkedBy: actor.userId },
      update: {},
    });
  else await db.lofteActivityInsats.deleteMany({ where: key });
  forgetPublicPage(workspace.slug);
  return { ...input, isLinked };
}
