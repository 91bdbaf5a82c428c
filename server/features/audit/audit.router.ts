import { z } from "zod";
import {
  AuditExportInputSchema,
  AuditListInputSchema,
  AuditRetentionInputSchema,
} from "../../../shared/schemas/audit.ts";
import { roleProcedure, router, systemAdminProcedure } from "../../trpc.ts";
import {
  exportAuditEntries,
  getAuditRetention,
  listAuditEntries,
  setAuditRetention,
} from "./audit-log.service.ts";

const admin = roleProcedure(["admin"]);

// A workspace's admins read its log; entries of no workspace (failed sign-ins) only system administrators.
export const auditRouter = router({
  list: admin
    .input(AuditListInputSchema)
    .query(({ ctx, input }) => listAuditEntries(ctx, input.filter, input.page)),
  export: admin
    .input(AuditExportInputSchema)
    .mutation(({ ctx, input }) => exportAuditEntries(ctx, input.filter, input.format)),
  retention: admin
    .input(z.void())
    .query(({ ctx }) => getAuditRetention({ db: ctx.db, workspaceId: ctx.workspace.id })),
  setRetention: admin
    .input(AuditRetentionInputSchema)
    .mutation(({ ctx, input }) =>
      setAuditRetention({ db: ctx.db, workspaceId: ctx.workspace.id, userId: ctx.user.id }, input.days),
    ),
  systemList: systemAdminProcedure
    .input(AuditListInputSchema)
    .query(({ ctx, input }) => listAuditEntries({ ...ctx, workspace: null }, input.filter, input.page)),
  systemExport: systemAdminProcedure
    .input(AuditExportInputSchema)
    .mutation(({ ctx, input }) =>
      exportAuditEntries({ ...ctx, workspace: null }, input.filter, input.format),
    ),
});
