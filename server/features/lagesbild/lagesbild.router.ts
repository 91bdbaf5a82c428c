import { z } from "zod";
import { compareLagesbilder } from "../../../shared/lagesbild.ts";
import { ANALYST_ROLES, WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CloseInsatsInputSchema,
  CompareInputSchema,
  CreateInsatsInputSchema,
  CreateLagesbildInputSchema,
  FollowUpInputSchema,
  LagesbildIdSchema,
  SetAreaStatusInputSchema,
  SetAssessmentInputSchema,
  SetContributionInputSchema,
} from "../../../shared/schemas/lagesbild.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { resolveActor } from "../access/ownership.ts";
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
const reader = workspaceProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { scope: { ...ctx, actor: await resolveActor(ctx) } } }),
);
const analyst = roleProcedure(ANALYST_ROLES).use(async ({ ctx, next }) =>
  next({ ctx: { scope: { ...ctx, actor: await resolveActor(ctx) } } }),
);
const writer = roleProcedure(WRITER_ROLES).use(async ({ ctx, next }) =>
  next({ ctx: { scope: { ...ctx, actor: await resolveActor(ctx) } } }),
);

export const lagesbildRouter = router({
  list: reader.input(z.void()).query(({ ctx }) => listLagesbilder(ctx.scope)),
  get: reader.input(LagesbildIdSchema).query(({ ctx, input }) => getLagesbild(ctx.scope, input.id)),
  create: analyst
    .input(CreateLagesbildInputSchema)
    .mutation(({ ctx, input }) => createLagesbild(ctx.scope, input)),
  setAreaStatus: analyst
    .input(SetAreaStatusInputSchema)
    .mutation(({ ctx, input }) => setAreaStatus(ctx.scope, input)),
  setAssessment: analyst
    .input(SetAssessmentInputSchema)
    .mutation(({ ctx, input }) => setAssessment(ctx.scope, input)),
  setContribution: writer
    .input(SetContributionInputSchema)
    .mutation(({ ctx, input }) => setContribution(ctx.scope, input)),
  publish: analyst
    .input(LagesbildIdSchema)
    .mutation(({ ctx, input }) => publishLagesbild(ctx.scope, input.id)),
  reopen: analyst.input(LagesbildIdSchema).mutation(({ ctx, input }) => reopenLagesbild(ctx.scope, input.id)),
  snapshots: reader.input(z.void()).query(({ ctx }) => listSnapshots(ctx.scope)),
  compare: reader.input(CompareInputSchema).query(async ({ ctx, input }) => {
    const [a, b] = [
      await getSnapshot(ctx.scope, input.snapshotA),
      await getSnapshot(ctx.scope, input.snapshotB),
    ];
    return {
      a: { ...a, content: undefined, period: a.content.figures.period },
      b: { ...b, content: undefined, period: b.content.figures.period },
      comparison: compareLagesbilder(a.content, b.content),
    };
  }),
  createInsats: analyst
    .input(CreateInsatsInputSchema)
    .mutation(({ ctx, input }) => createInsats(ctx.scope, input)),
  addFollowUp: writer.input(FollowUpInputSchema).mutation(({ ctx, input }) => addFollowUp(ctx.scope, input)),
  closeInsats: writer
    .input(CloseInsatsInputSchema)
    .mutation(({ ctx, input }) => closeInsats(ctx.scope, input)),
  overTime: reader.input(OverTimeInputSchema).query(({ ctx, input }) => getOverTime(ctx.scope, input)),
  actionPlan: reader.input(z.void()).query(({ ctx }) => actionPlanRows(ctx.scope)),
  actionPlanXlsx: reader.input(z.void()).mutation(({ ctx }) =>
    auditAfter(ctx.db, actionPlanXlsx(ctx.scope), () => ({
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      action: "action_plan_exported",
      details: { format: "xlsx" },
    })),
  ),
  effect: reader.input(EffectInputSchema).query(({ ctx, input }) => getInsatsEffect(ctx.scope, input)),
});
