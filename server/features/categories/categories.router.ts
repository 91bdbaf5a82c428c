import { z } from "zod";
import { router, workspaceProcedure } from "../../trpc.ts";
import { listCategories } from "./categories.service.ts";

export const categoriesRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => listCategories({ db: ctx.db, workspaceId: ctx.workspace.id })),
});
