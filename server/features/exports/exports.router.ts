import { ExportInputSchema } from "../../../shared/schemas/analysis.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter } from "../audit/audit.service.ts";
import { exportTable } from "./exports.service.ts";

export const exportsRouter = router({
  table: workspaceProcedure.input(ExportInputSchema).mutation(({ ctx, input }) =>
    auditAfter(ctx.db, exportTable({ db: ctx.db, workspace: ctx.workspace, input }), () => ({
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      action: "table_exported",
      target: { type: "table", id: input.view },
      details: { format: input.format },
    })),
  ),
});
