import { z } from "zod";

export const CATEGORY_KINDS = ["group", "crime_code", "partner_event"] as const;

const Name = z.string().trim().min(2).max(120);
const Code = z.string().min(1).max(64);

/** A new group for codes; its code is made from its Swedish name. */
export const CategoryGroupInputSchema = z.object({ nameSv: Name, nameEn: Name, parentCode: Code.nullable() });
export type CategoryGroupInput = z.infer<typeof CategoryGroupInputSchema>;

/** Renames a category or moves it (with everything below it) under another group, or to the top (null). */
export const CategoryUpdateInputSchema = z.object({
  code: Code,
  nameSv: Name.optional(),
  nameEn: Name.optional(),
  parentCode: Code.nullable().optional(),
});
export type CategoryUpdateInput = z.infer<typeof CategoryUpdateInputSchema>;

export const CategorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(CATEGORY_KINDS),
  code: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
});
export type Category = z.infer<typeof CategorySchema>;
export const CategoryListSchema = z.array(CategorySchema);
