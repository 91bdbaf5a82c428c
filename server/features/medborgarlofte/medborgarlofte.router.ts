import { z } from "zod";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
import { DownloadFileSchema } from "../../../shared/schemas/download.ts";
import {
  ActivityIdSchema,
  AddActivityInputSchema,
  AddProgressInputSchema,
  CreatePromiseInputSchema,
  DeletePromiseInputSchema,
  EffectIdSchema,
  EffectInputSchema,
  FocusAreaIdSchema,
  FocusAreaInputSchema,
  GetPromiseInputSchema,
  InsatsLinkSchema,
  LinkInsatsInputSchema,
  LofteIdResultSchema,
  ProgressIdSchema,
  PromiseListSchema,
  PromiseViewSchema,
  PublicPageInputSchema,
  PublicPageSchema,
  PublicSettingsInputSchema,
  PublicSettingsSchema,
  PublishedPromiseSchema,
  PublishInputSchema,
  ReportInputSchema,
  UpdateActivityInputSchema,
  UpdateEffectInputSchema,
  UpdateFocusAreaInputSchema,
  UpdateProgressInputSchema,
  UpdatePromiseInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import { publicProcedure, roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter } from "../audit/audit.service.ts";
import {
  addActivity,
  addFocusArea,
  addProgress,
  linkInsats,
  removeProgress,
  updateActivity,
} from "./activities.service.ts";
import {
  deleteActivity,
  deleteFocusArea,
  deletePromise,
  updateFocusArea,
  updateProgress,
} from "./edits.service.ts";
import { addEffect, removeEffect, updateEffect } from "./effects.service.ts";
import { createPromise, listPromises, publishPromise, updatePromise } from "./medborgarlofte.service.ts";
import { getPromise } from "./promise-view.service.ts";
import { getPublicSettings, setPublicSettings } from "./public-figures.service.ts";
import { getPublicPage } from "./public-page.service.ts";
import { promiseReportXlsx } from "./report.service.ts";

// Every role reads; analysts and admins write the promise; admins publish it; members record
// progress for activities their organisation is responsible for (decisions/011, 016).
const reader = workspaceProcedure;
const analyst = roleProcedure(ANALYST_ROLES);
const admin = roleProcedure(["admin"]);
const writer = roleProcedure(WRITER_ROLES);

export const medborgarlofteRouter = router({
  list: reader
    .input(z.void())
    .output(PromiseListSchema)
    .query(({ ctx }) => listPromises(ctx.scope)),
  get: reader
    .input(GetPromiseInputSchema)
    .output(PromiseViewSchema)
    .query(({ ctx, input }) => getPromise(ctx.scope, input)),
  reportXlsx: reader
    .input(ReportInputSchema)
    .output(DownloadFileSchema)
    .mutation(({ ctx, input }) =>
      auditAfter(ctx.db, promiseReportXlsx(ctx.scope, input), () => ({
        workspaceId: ctx.scope.workspace.id,
        userId: ctx.scope.actor.userId,
        action: "promise_report_exported",
        target: { type: "promise", id: input.id },
        details: { format: "xlsx", ...(input.year ? { year: input.year } : {}) },
      })),
    ),
  create: analyst
    .input(CreatePromiseInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => createPromise(ctx.scope, input)),
  update: analyst
    .input(UpdatePromiseInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => updatePromise(ctx.scope, input)),
  remove: analyst
    .input(DeletePromiseInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => deletePromise(ctx.scope, input)),
  publish: admin
    .input(PublishInputSchema)
    .output(PublishedPromiseSchema)
    .mutation(({ ctx, input }) => publishPromise(ctx.scope, input)),
  publicSettings: reader
    .input(z.void())
    .output(PublicSettingsSchema)
    .query(({ ctx }) => getPublicSettings(ctx.scope)),
  setPublicSettings: admin
    .input(PublicSettingsInputSchema)
    .output(PublicSettingsSchema)
    .mutation(({ ctx, input }) => setPublicSettings(ctx.scope, input)),
  addFocusArea: analyst
    .input(FocusAreaInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => addFocusArea(ctx.scope, input)),
  updateFocusArea: analyst
    .input(UpdateFocusAreaInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => updateFocusArea(ctx.scope, input)),
  removeFocusArea: analyst
    .input(FocusAreaIdSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => deleteFocusArea(ctx.scope, input)),
  addActivity: analyst
    .input(AddActivityInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => addActivity(ctx.scope, input)),
  updateActivity: analyst
    .input(UpdateActivityInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => updateActivity(ctx.scope, input)),
  removeActivity: analyst
    .input(ActivityIdSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => deleteActivity(ctx.scope, input)),
  addEffect: analyst
    .input(EffectInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => addEffect(ctx.scope, input)),
  updateEffect: analyst
    .input(UpdateEffectInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => updateEffect(ctx.scope, input)),
  removeEffect: analyst
    .input(EffectIdSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => removeEffect(ctx.scope, input.effectId)),
  addProgress: writer
    .input(AddProgressInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => addProgress(ctx.scope, input)),
  updateProgress: writer
    .input(UpdateProgressInputSchema)
    .output(LofteIdResultSchema)
    .mutation(({ ctx, input }) => updateProgress(ctx.scope, input)),
  removeProgress: writer
    .input(ProgressIdSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => removeProgress(ctx.scope, input.progressId)),
  linkInsats: writer
    .input(LinkInsatsInputSchema)
    .output(InsatsLinkSchema)
    .mutation(({ ctx, input }) => linkInsats(ctx.scope, { ...input, isLinked: true })),
  unlinkInsats: writer
    .input(LinkInsatsInputSchema)
    .output(InsatsLinkSchema)
    .mutation(({ ctx, input }) => linkInsats(ctx.scope, { ...input, isLinked: false })),
  /**
   * Public: no login, so no workspace scope: the slug names the workspace (getPublicPage takes the
   * database and the client's address). Small input, limited per address, cached; only what an
   * admin published.
   */
  publicPage: publicProcedure
    .input(PublicPageInputSchema)
    .output(PublicPageSchema)
    .query(({ ctx, input }) => getPublicPage(ctx, input.workspace)),
});
