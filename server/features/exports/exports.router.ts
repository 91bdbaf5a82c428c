import { ExportInputSchema } from "../../../shared/schemas/analysis.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { exportTable } from "./exports.service.ts";

export const exportsRouter = router({
  table: workspaceProcedure
    .input(ExportInputSchema)
    .mutation(({ ctx, input }) => exportTable({ db: ctx.db, workspace: ctx.workspace, input })),
});
