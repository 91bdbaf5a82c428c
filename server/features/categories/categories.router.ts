import { z } from "zod";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { createCategoryGroup, listCategories, updateCategory } from "./categories.service.ts";

const Name = z.string().trim().min(2).max(120);
const Code = z.string().min(1).max(64);

export const categoriesRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => listCategories({ db: ctx.db, workspaceId: ctx.workspace.id })),
  createGroup: roleProcedure(ANALYST_ROLES)
    .input(z.object({ nameSv: Name, nameEn: Name, parentCode: Code.nullable() }))
    .mutation(({ ctx, input }) => createCategoryGroup({ db: ctx.db, workspaceId: ctx.workspace.id, input })),
  update: roleProcedure(ANALYST_ROLES)
    .input(
      z.object({
        code: Code,
        nameSv: Name.optional(),
        nameEn: Name.optional(),
        parentCode: Code.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateCategory({ db: ctx.db, workspaceId: ctx.workspace.id, input })),
});
