import { z } from "zod";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
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
  LinkInsatsInputSchema,
  ProgressIdSchema,
  PublicPageInputSchema,
  PublicPageSchema,
  PublicSettingsInputSchema,
  PublishInputSchema,
  ReportInputSchema,
  UpdateActivityInputSchema,
  UpdateEffectInputSchema,
  UpdateFocusAreaInputSchema,
  UpdateProgressInputSchema,
  UpdatePromiseInputSchema,
} from "../../../shared/schemas/medborgarlofte.ts";
import { publicProcedure, roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { resolveActor } from "../access/ownership.ts";
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
const withActor = <T extends typeof workspaceProcedure>(procedure: T) =>
  procedure.use(async ({ ctx, next }) =>
    next({ ctx: { scope: { ...ctx, actor: await resolveActor(ctx) } } }),
  );
const reader = withActor(workspaceProcedure);
const analyst = withActor(roleProcedure(ANALYST_ROLES));
const admin = withActor(roleProcedure(["admin"]));
const writer = withActor(roleProcedure(WRITER_ROLES));

export const medborgarlofteRouter = router({
  list: reader.input(z.void()).query(({ ctx }) => listPromises(ctx.scope)),
  get: reader.input(GetPromiseInputSchema).query(({ ctx, input }) => getPromise(ctx.scope, input)),
  reportXlsx: reader.input(ReportInputSchema).mutation(({ ctx, input }) =>
    auditAfter(ctx.db, promiseReportXlsx(ctx.scope, input), () => ({
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      action: "promise_report_exported",
      target: { type: "promise", id: input.id },
      details: { format: "xlsx", ...(input.year ? { year: input.year } : {}) },
    })),
  ),
  create: analyst
    .input(CreatePromiseInputSchema)
    .mutation(({ ctx, input }) => createPromise(ctx.scope, input)),
  update: analyst
    .input(UpdatePromiseInputSchema)
    .mutation(({ ctx, input }) => updatePromise(ctx.scope, input)),
  remove: analyst
    .input(DeletePromiseInputSchema)
    .mutation(({ ctx, input }) => deletePromise(ctx.scope, input)),
  publish: admin.input(PublishInputSchema).mutation(({ ctx, input }) => publishPromise(ctx.scope, input)),
  publicSettings: reader.input(z.void()).query(({ ctx }) => getPublicSettings(ctx.scope)),
  setPublicSettings: admin
    .input(PublicSettingsInputSchema)
    .mutation(({ ctx, input }) => setPublicSettings(ctx.scope, input)),
  addFocusArea: analyst
    .input(FocusAreaInputSchema)
    .mutation(({ ctx, input }) => addFocusArea(ctx.scope, input)),
  updateFocusArea: analyst
    .input(UpdateFocusAreaInputSchema)
    .mutation(({ ctx, input }) => updateFocusArea(ctx.scope, input)),
  removeFocusArea: analyst
    .input(FocusAreaIdSchema)
    .mutation(({ ctx, input }) => deleteFocusArea(ctx.scope, input)),
  addActivity: analyst
    .input(AddActivityInputSchema)
    .mutation(({ ctx, input }) => addActivity(ctx.scope, input)),
  updateActivity: analyst
    .input(UpdateActivityInputSchema)
    .mutation(({ ctx, input }) => updateActivity(ctx.scope, input)),
  removeActivity: analyst
    .input(ActivityIdSchema)
    .mutation(({ ctx, input }) => deleteActivity(ctx.scope, input)),
  addEffect: analyst.input(EffectInputSchema).mutation(({ ctx, input }) => addEffect(ctx.scope, input)),
  updateEffect: analyst
    .input(UpdateEffectInputSchema)
    .mutation(({ ctx, input }) => updateEffect(ctx.scope, input)),
  removeEffect: analyst
    .input(EffectIdSchema)
    .mutation(({ ctx, input }) => removeEffect(ctx.scope, input.effectId)),
  addProgress: writer
    .input(AddProgressInputSchema)
    .mutation(({ ctx, input }) => addProgress(ctx.scope, input)),
  updateProgress: writer
    .input(UpdateProgressInputSchema)
    .mutation(({ ctx, input }) => updateProgress(ctx.scope, input)),
  removeProgress: writer
    .input(ProgressIdSchema)
    .mutation(({ ctx, input }) => removeProgress(ctx.scope, input.progressId)),
  linkInsats: writer
    .input(LinkInsatsInputSchema)
    .mutation(({ ctx, input }) => linkInsats(ctx.scope, input, true)),
  unlinkInsats: writer
    .input(LinkInsatsInputSchema)
    .mutation(({ ctx, input }) => linkInsats(ctx.scope, input, false)),
  /** Public: no login. Small input, limited per address, cached; only what an admin published. */
  publicPage: publicProcedure
    .input(PublicPageInputSchema)
    .output(PublicPageSchema)
    .query(({ ctx, input }) => getPublicPage(ctx, input.workspace)),
});
