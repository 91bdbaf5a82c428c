import { z } from "zod";
import { CreateWorkspaceInputSchema } from "../../../shared/schemas/accounts.ts";
import { publicProcedure, router, systemAdminProcedure } from "../../trpc.ts";
import { createWorkspaceWithAdmin, listAllWorkspaces } from "./workspaces.service.ts";

export type PublicConfig = {
  mapStyleUrl: string | null;
  /** The single sign-on provider's name for the login page's button, when one is configured. */
  sso?: { name: string } | null;
};

export function createSystemRouter(config: PublicConfig) {
  return router({
    /** Public: what the client needs before anyone logs in (the basemap style, if configured). */
    config: publicProcedure.input(z.void()).query(() => config),
    workspaces: systemAdminProcedure.input(z.void()).query(({ ctx }) => listAllWorkspaces(ctx)),
    /** A new workspace and a one-time invitation link for its first admin. */
    createWorkspace: systemAdminProcedure
      .input(CreateWorkspaceInputSchema)
      .mutation(async ({ ctx, input }) => {
        const created = await createWorkspaceWithAdmin(ctx.db, input, { createdById: ctx.user.id });
        return { workspace: created.workspace, invitation: created.invitation };
      }),
  });
}
