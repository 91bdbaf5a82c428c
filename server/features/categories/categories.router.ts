import { z } from "zod";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import {
  CategoryGroupInputSchema,
  CategoryListSchema,
  CategorySchema,
  CategoryUpdateInputSchema,
} from "../../../shared/schemas/categories.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { createCategoryGroup, listCategories, updateCategory } from "./categories.service.ts";

export const categoriesRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .output(CategoryListSchema)
    .query(({ ctx }) => listCategories(ctx.scope)),
  createGroup: roleProcedure(ANALYST_ROLES)
    .input(CategoryGroupInputSchema)
    .output(CategorySchema)
    .mutation(({ ctx, input }) => createCategoryGroup(ctx.scope, input)),
  update: roleProcedure(ANALYST_ROLES)
    .input(CategoryUpdateInputSchema)
    .output(CategorySchema)
    .mutation(({ ctx, input }) => updateCategory(ctx.scope, input)),
});
