import { localDateToDbDate } from "../../../shared/calendar.ts";
import {
  ActivityIdSchema,
  DeletePromiseInputSchema,
  FocusAreaIdSchema,
  UpdateFocusAreaInputSchema,
  type UpdateProgressInput,
  UpdateProgressInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { requireOwnership } from "../access/ownership.ts";
import { findActivity } from "./activities.service.ts";
import { areaIdsOf, findPromise } from "./medborgarlofte.service.ts";
import { forgetPublicPage } from "./public-cache.ts";

// Corrections: a promise, fokusområde or activity removed or changed, a progress entry changed.
// Removing cascades to what hangs on it (activities, progress, links to insatser, effects).

/** A published promise is taken off the public page by an admin before anyone removes it. */
export async function deletePromise(scope: ServiceScope, raw: unknown) {
  const { id } = DeletePromiseInputSchema.parse(raw);
  const promise = await findPromise(scope, id);
  if (promise.isPublished) throw new AppError("CONFLICT", { reason: "LOFTE_PUBLISHED" });
  await scope.db.medborgarlofte.delete({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id } },
  });
  return { id };
}

export async function updateFocusArea(scope: ServiceScope, raw: unknown) {
  const { focusAreaId, ...data } = UpdateFocusAreaInputSchema.parse(raw);
  const { count } = await scope.db.lofteFocusArea.updateMany({
    where: { workspaceId: scope.workspace.id, id: focusAreaId },
    data,
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such fokusområde in this workspace");
  forgetPublicPage(scope.workspace.slug);
  return { id: focusAreaId };
}

/** The fokusområde goes; its activities stay with the promise, outside any fokusområde. */
export async function deleteFocusArea(scope: ServiceScope, raw: unknown) {
  const { focusAreaId } = FocusAreaIdSchema.parse(raw);
  const { count } = await scope.db.lofteFocusArea.deleteMany({
    where: { workspaceId: scope.workspace.id, id: focusAreaId },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such fokusområde in this workspace");
  forgetPublicPage(scope.workspace.slug);
  return { id: focusAreaId };
}

export async function deleteActivity(scope: ServiceScope, raw: unknown) {
  const { activityId } = ActivityIdSchema.parse(raw);
  await findActivity(scope, activityId);
  await scope.db.lofteActivity.delete({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id: activityId } },
  });
  forgetPublicPage(scope.workspace.slug);
  return { id: activityId };
}

/** Corrects a progress entry: its organisation's members, analysts and admins (decisions/011). */
export async function updateProgress(scope: ServiceScope, raw: UpdateProgressInput) {
  const { progressId, ...input } = UpdateProgressInputSchema.parse(raw);
  const where = { workspaceId_id: { workspaceId: scope.workspace.id, id: progressId } };
  const entry = await scope.db.lofteProgress.findUnique({ where, select: { organizationId: true } });
  if (!entry) throw new AppError("NOT_FOUND", "No such progress entry in this workspace");
  requireOwnership(scope.actor, [entry.organizationId], "progress entry");
  const [areaId = null] = input.areaCode ? await areaIdsOf(scope, [input.areaCode]) : [];
  await scope.db.lofteProgress.update({
    where,
    data: {
      doneOn: localDateToDbDate(input.doneOn),
      areaId,
      whatDone: input.whatDone,
      participants: input.participants,
      quantity: input.quantity,
    },
  });
  forgetPublicPage(scope.workspace.slug);
  return { id: progressId };
}
