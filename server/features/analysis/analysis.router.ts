import { CompstatInputSchema, CompstatOutputSchema } from "../../../shared/schemas/analysis.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { getCompstat } from "./analysis.service.ts";

export const analysisRouter = router({
  compstat: workspaceProcedure
    .input(CompstatInputSchema)
    .output(CompstatOutputSchema)
    .query(({ ctx, input }) => getCompstat({ db: ctx.db, workspace: ctx.workspace, input })),
});
