import { z } from "zod";
import {
  AllWorkspacesSchema,
  CreatedWorkspaceSchema,
  CreateWorkspaceInputSchema,
} from "../../../shared/schemas/accounts.ts";
import { type PublicConfig, PublicConfigSchema } from "../../../shared/schemas/system.ts";
import { publicProcedure, router, systemAdminProcedure } from "../../trpc.ts";
import { createWorkspaceWithAdmin, listAllWorkspaces } from "./workspaces.service.ts";

export type { PublicConfig };

// Outside any workspace: system administration takes the database (and the system administrator
// who acts, for the audit), not a ServiceScope; the config is public.
export function createSystemRouter(config: PublicConfig) {
  return router({
    /** Public: what the client needs before anyone logs in (the basemap style, if configured). */
    config: publicProcedure
      .input(z.void())
      .output(PublicConfigSchema)
      .query(() => config),
    workspaces: systemAdminProcedure
      .input(z.void())
      .output(AllWorkspacesSchema)
      .query(({ ctx }) => listAllWorkspaces(ctx)),
    /** A new workspace and a one-time invitation link for its first admin. */
    createWorkspace: systemAdminProcedure
      .input(CreateWorkspaceInputSchema)
      .output(CreatedWorkspaceSchema)
      .mutation(async ({ ctx, input }) => {
        const created = await createWorkspaceWithAdmin(ctx.db, input, { createdById: ctx.user.id });
        return { workspace: created.workspace, invitation: created.invitation };
      }),
  });
}
