import { z } from "zod";
import { canSeeDetail, canWrite } from "../../../shared/roles.ts";
import { WorkspaceSettingsSchema } from "../../../shared/schemas/field.ts";
import { MeetingRhythmInputSchema, MeetingRhythmSchema } from "../../../shared/schemas/meeting-rhythm.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { ssoProcedures } from "../sso/sso.router.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.service.ts";
import { updateMeetingRhythm } from "./meeting-rhythm.service.ts";
import { memberProcedures } from "./members.router.ts";
import { getWorkspaceSettings, getWorkspaceSummary, updateWorkspaceSettings } from "./workspace.service.ts";

const admin = roleProcedure(["admin"]);

export const workspaceRouter = router({
  current: workspaceProcedure.input(z.void()).query(async ({ ctx }) => ({
    ...ctx.workspace,
    role: ctx.role,
    permissions: {
      canWrite: canWrite(ctx.role),
      canSeeDetail: canSeeDetail(ctx.role),
      canAdminister: ctx.role === "admin",
      canAdministerSystem: ctx.user.isSystemAdmin,
    },
    ...(await getWorkspaceSummary({ db: ctx.db, workspaceId: ctx.workspace.id })),
  })),
  settings: admin
    .input(z.void())
    .output(WorkspaceSettingsSchema)
    .query(({ ctx }) => getWorkspaceSettings({ db: ctx.db, workspaceId: ctx.workspace.id })),
  updateSettings: admin.input(WorkspaceSettingsSchema).mutation(({ ctx, input }) =>
    updateWorkspaceSettings({
      db: ctx.db,
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      settings: input,
    }),
  ),
  updateMeetingRhythm: admin
    .input(MeetingRhythmInputSchema)
    .output(MeetingRhythmSchema)
    .mutation(({ ctx, input }) =>
      updateMeetingRhythm({ db: ctx.db, workspace: ctx.workspace, userId: ctx.user.id, input }),
    ),
  ...memberProcedures,
  ...ssoProcedures,
  apiTokens: admin
    .input(z.void())
    .query(({ ctx }) => listApiTokens({ db: ctx.db, workspaceId: ctx.workspace.id })),
  createApiToken: admin
    .input(z.object({ name: z.string().trim().min(1).max(120) }))
    .mutation(({ ctx, input }) =>
      createApiToken({ db: ctx.db, workspaceId: ctx.workspace.id, userId: ctx.user.id, name: input.name }),
    ),
  revokeApiToken: admin
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      revokeApiToken({ db: ctx.db, workspaceId: ctx.workspace.id, userId: ctx.user.id, id: input.id }),
    ),
});
