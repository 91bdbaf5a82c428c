import { z } from "zod";
import { canSeeDetail, canWrite } from "../../../shared/roles.ts";
import {
  ApiTokenNameInputSchema,
  ApiTokensSchema,
  CreatedApiTokenSchema,
} from "../../../shared/schemas/accounts.ts";
import { WorkspaceSettingsSchema } from "../../../shared/schemas/field.ts";
import { MeetingRhythmInputSchema, MeetingRhythmSchema } from "../../../shared/schemas/meeting-rhythm.ts";
import { CurrentWorkspaceSchema, SavedWorkspaceSettingsSchema } from "../../../shared/schemas/workspace.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { ssoProcedures } from "../sso/sso.router.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.service.ts";
import { updateMeetingRhythm } from "./meeting-rhythm.service.ts";
import { memberProcedures } from "./members.router.ts";
import { getWorkspaceSettings, getWorkspaceSummary, updateWorkspaceSettings } from "./workspace.service.ts";

const admin = roleProcedure(["admin"]);

export const workspaceRouter = router({
  current: workspaceProcedure
    .input(z.void())
    .output(CurrentWorkspaceSchema)
    .query(async ({ ctx }) => ({
      ...ctx.workspace,
      role: ctx.role,
      permissions: {
        canWrite: canWrite(ctx.role),
        canSeeDetail: canSeeDetail(ctx.role),
        canAdminister: ctx.role === "admin",
        canAdministerSystem: ctx.user.isSystemAdmin,
      },
      ...(await getWorkspaceSummary(ctx.scope)),
    })),
  settings: admin
    .input(z.void())
    .output(WorkspaceSettingsSchema)
    .query(({ ctx }) => getWorkspaceSettings(ctx.scope)),
  updateSettings: admin
    .input(WorkspaceSettingsSchema)
    .output(SavedWorkspaceSettingsSchema)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx.scope, input)),
  updateMeetingRhythm: admin
    .input(MeetingRhythmInputSchema)
    .output(MeetingRhythmSchema)
    .mutation(({ ctx, input }) => updateMeetingRhythm(ctx.scope, input)),
  ...memberProcedures,
  ...ssoProcedures,
  apiTokens: admin
    .input(z.void())
    .output(ApiTokensSchema)
    .query(({ ctx }) => listApiTokens(ctx.scope)),
  createApiToken: admin
    .input(ApiTokenNameInputSchema)
    .output(CreatedApiTokenSchema)
    .mutation(({ ctx, input }) => createApiToken(ctx.scope, input)),
  revokeApiToken: admin
    .input(z.object({ id: z.uuid() }))
    .output(z.void())
    .mutation(({ ctx, input }) => revokeApiToken(ctx.scope, input.id)),
});
