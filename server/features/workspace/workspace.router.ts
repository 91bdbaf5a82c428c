import { z } from "zod";
import { canSeeDetail, canWrite } from "../../../shared/roles.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { getWorkspaceSummary, listMembers } from "./workspace.service.ts";

export const workspaceRouter = router({
  current: workspaceProcedure.input(z.void()).query(async ({ ctx }) => ({
    ...ctx.workspace,
    role: ctx.role,
    permissions: {
      canWrite: canWrite(ctx.role),
      canSeeDetail: canSeeDetail(ctx.role),
      canAdminister: ctx.role === "admin",
    },
    ...(await getWorkspaceSummary({ db: ctx.db, workspaceId: ctx.workspace.id })),
  })),
  members: roleProcedure(["admin"])
    .input(z.void())
    .query(({ ctx }) => listMembers({ db: ctx.db, workspaceId: ctx.workspace.id })),
});
