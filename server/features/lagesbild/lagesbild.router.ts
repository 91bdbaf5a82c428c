import { z } from "zod";
import { compareLagesbilder } from "../../../shared/lagesbild.ts";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
import { DownloadFileSchema } from "../../../shared/schemas/download.ts";
import {
  ActionPlanSchema,
  CloseInsatsInputSchema,
  CompareInputSchema,
  CreatedIdSchema,
  CreatedLagesbildSchema,
  CreateInsatsInputSchema,
  CreateLagesbildInputSchema,
  FollowUpInputSchema,
  InsatsEffectSchema,
  LagesbildCompareSchema,
  LagesbildIdSchema,
  LagesbildListSchema,
  LagesbildViewSchema,
  OverTimeSchema,
  PublishedVersionSchema,
  SetAreaStatusInputSchema,
  SetAssessmentInputSchema,
  SetContributionInputSchema,
  SnapshotListSchema,
} from "../../../shared/schemas/lagesbild.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter } from "../audit/audit.service.ts";
import { addFollowUp, closeInsats, createInsats } from "./insatser.service.ts";
import {
  createLagesbild,
  getLagesbild,
  listLagesbilder,
  publishLagesbild,
  reopenLagesbild,
} from "./lagesbild.service.ts";
import { setAreaStatus, setAssessment, setContribution } from "./lagesbild-edits.service.ts";
import {
  actionPlanRows,
  actionPlanXlsx,
  EffectInputSchema,
  getInsatsEffect,
  getOverTime,
  OverTimeInputSchema,
} from "./over-time.service.ts";
import { getSnapshot, listSnapshots } from "./snapshots.service.ts";

// Readers: every role. The document (statuses, assessment, insatser, publishing): analysts and
// admins. Contributions and återkoppling: also members, for their own organisation only.
const reader = workspaceProcedure;
const analyst = roleProcedure(ANALYST_ROLES);
const writer = roleProcedure(WRITER_ROLES);

export const lagesbildRouter = router({
  list: reader
    .input(z.void())
    .output(LagesbildListSchema)
    .query(({ ctx }) => listLagesbilder(ctx.scope)),
  get: reader
    .input(LagesbildIdSchema)
    .output(LagesbildViewSchema)
    .query(({ ctx, input }) => getLagesbild(ctx.scope, input.id)),
  create: analyst
    .input(CreateLagesbildInputSchema)
    .output(CreatedLagesbildSchema)
    .mutation(({ ctx, input }) => createLagesbild(ctx.scope, input)),
  setAreaStatus: analyst
    .input(SetAreaStatusInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => setAreaStatus(ctx.scope, input)),
  setAssessment: analyst
    .input(SetAssessmentInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => setAssessment(ctx.scope, input)),
  setContribution: writer
    .input(SetContributionInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => setContribution(ctx.scope, input)),
  publish: analyst
    .input(LagesbildIdSchema)
    .output(PublishedVersionSchema)
    .mutation(({ ctx, input }) => publishLagesbild(ctx.scope, { id: input.id })),
  reopen: analyst
    .input(LagesbildIdSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => reopenLagesbild(ctx.scope, input.id)),
  snapshots: reader
    .input(z.void())
    .output(SnapshotListSchema)
    .query(({ ctx }) => listSnapshots(ctx.scope)),
  compare: reader
    .input(CompareInputSchema)
    .output(LagesbildCompareSchema)
    .query(async ({ ctx, input }) => {
      const [a, b] = [
        await getSnapshot(ctx.scope, input.snapshotA),
        await getSnapshot(ctx.scope, input.snapshotB),
      ];
      return {
        a: { ...a, period: a.content.figures.period },
        b: { ...b, period: b.content.figures.period },
        comparison: compareLagesbilder(a.content, b.content),
      };
    }),
  createInsats: analyst
    .input(CreateInsatsInputSchema)
    .output(CreatedIdSchema)
    .mutation(({ ctx, input }) => createInsats(ctx.scope, input)),
  addFollowUp: writer
    .input(FollowUpInputSchema)
    .output(CreatedIdSchema)
    .mutation(({ ctx, input }) => addFollowUp(ctx.scope, input)),
  closeInsats: writer
    .input(CloseInsatsInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => closeInsats(ctx.scope, input)),
  overTime: reader
    .input(OverTimeInputSchema)
    .output(OverTimeSchema)
    .query(({ ctx, input }) => getOverTime(ctx.scope, input)),
  actionPlan: reader
    .input(z.void())
    .output(ActionPlanSchema)
    .query(({ ctx }) => actionPlanRows(ctx.scope)),
  actionPlanXlsx: reader
    .input(z.void())
    .output(DownloadFileSchema)
    .mutation(({ ctx }) =>
      auditAfter(ctx.db, actionPlanXlsx(ctx.scope), () => ({
        workspaceId: ctx.scope.workspace.id,
        userId: ctx.scope.actor.userId,
        action: "action_plan_exported",
        details: { format: "xlsx" },
      })),
    ),
  effect: reader
    .input(EffectInputSchema)
    .output(InsatsEffectSchema)
    .query(({ ctx, input }) => getInsatsEffect(ctx.scope, input)),
});
