import { ExportInputSchema } from "../../../shared/schemas/analysis.ts";
import { DownloadFileSchema } from "../../../shared/schemas/download.ts";
import { DialoguesExportInputSchema, FindingsExportInputSchema } from "../../../shared/schemas/exports.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter } from "../audit/audit.service.ts";
import { exportTable } from "./exports.service.ts";
import { exportDialogues, exportFindings } from "./field-exports.service.ts";

/** Every export is audited as table_exported: the table, the format and (findings) how many rows carried free text. */
export const exportsRouter = router({
  table: workspaceProcedure
    .input(ExportInputSchema)
    .output(DownloadFileSchema)
    .mutation(({ ctx, input }) =>
      auditAfter(ctx.db, exportTable(ctx.scope, input), () => ({
        workspaceId: ctx.workspace.id,
        userId: ctx.user.id,
        action: "table_exported",
        target: { type: "table", id: input.view },
        details: { format: input.format },
      })),
    ),
  findings: workspaceProcedure
    .input(FindingsExportInputSchema)
    .output(DownloadFileSchema)
    .mutation(async ({ ctx, input }) => {
      const { file } = await auditAfter(ctx.db, exportFindings(ctx.scope, input), ({ freeTextRows }) => ({
        workspaceId: ctx.workspace.id,
        userId: ctx.user.id,
        action: "table_exported",
        target: { type: "table", id: "findings" },
        details: { format: input.format, count: freeTextRows },
      }));
      return file;
    }),
  dialogues: workspaceProcedure
    .input(DialoguesExportInputSchema)
    .output(DownloadFileSchema)
    .mutation(({ ctx, input }) =>
      auditAfter(ctx.db, exportDialogues(ctx.scope, input), () => ({
        workspaceId: ctx.workspace.id,
        userId: ctx.user.id,
        action: "table_exported",
        target: { type: "table", id: "dialogues" },
        details: { format: input.format },
      })),
    ),
});
