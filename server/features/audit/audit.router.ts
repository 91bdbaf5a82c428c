import { z } from "zod";
import {
  AuditExportInputSchema,
  AuditListInputSchema,
  AuditPageSchema,
  AuditRetentionInputSchema,
  AuditRetentionSchema,
  AuditRetentionSetSchema,
} from "../../../shared/schemas/audit.ts";
import { DownloadFileSchema } from "../../../shared/schemas/download.ts";
import { roleProcedure, router, systemAdminProcedure } from "../../trpc.ts";
import {
  type AuditLogScope,
  exportAuditEntries,
  getAuditRetention,
  listAuditEntries,
  setAuditRetention,
} from "./audit-log.service.ts";

const admin = roleProcedure(["admin"]);

/** A system administrator reads the entries of no workspace: outside any workspace, so no ServiceScope. */
const systemLog = (ctx: { db: AuditLogScope["db"]; user: { id: string } }): AuditLogScope => ({
  db: ctx.db,
  workspace: null,
  actor: { userId: ctx.user.id },
});

// A workspace's admins read its log; entries of no workspace (failed sign-ins) only system administrators.
export const auditRouter = router({
  list: admin
    .input(AuditListInputSchema)
    .output(AuditPageSchema)
    .query(({ ctx, input }) => listAuditEntries(ctx.scope, input)),
  export: admin
    .input(AuditExportInputSchema)
    .output(DownloadFileSchema)
    .mutation(({ ctx, input }) => exportAuditEntries(ctx.scope, input)),
  retention: admin
    .input(z.void())
    .output(AuditRetentionSchema)
    .query(({ ctx }) => getAuditRetention(ctx.scope)),
  setRetention: admin
    .input(AuditRetentionInputSchema)
    .output(AuditRetentionSetSchema)
    .mutation(({ ctx, input }) => setAuditRetention(ctx.scope, input)),
  systemList: systemAdminProcedure
    .input(AuditListInputSchema)
    .output(AuditPageSchema)
    .query(({ ctx, input }) => listAuditEntries(systemLog(ctx), input)),
  systemExport: systemAdminProcedure
    .input(AuditExportInputSchema)
    .output(DownloadFileSchema)
    .mutation(({ ctx, input }) => exportAuditEntries(systemLog(ctx), input)),
});
