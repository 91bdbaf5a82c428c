import type { CategoryGroupInput, CategoryUpdateInput } from "../../../shared/schemas/categories.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope, WorkspaceReadScope } from "../../service-scope.ts";

const categorySelect = {
  id: true,
  parentId: true,
  kind: true,
  code: true,
  nameSv: true,
  nameEn: true,
  sortOrder: true,
} as const;

/** Every category of the workspace; public pages call it with the page's workspace. */
export async function listCategories({ db, workspace }: WorkspaceReadScope) {
  return db.category.findMany({
    where: { workspaceId: workspace.id },
    select: categorySelect,
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

type CategoryNode = { id: string; parentId: string | null; code: string };

/** Ids of the given categories and everything below them; null means no category filter. */
export function resolveCategoryScope(
  categories: readonly CategoryNode[],
  codes: readonly string[],
): string[] | null {
  if (codes.length === 0) return null;
  const byCode = new Map(categories.map((category) => [category.code, category]));
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) throw new AppError("NOT_FOUND", `Unknown category code: ${unknown.join(", ")}`);
  const childrenOf = new Map<string, string[]>();
  for (const category of categories) {
    if (!category.parentId) continue;
    childrenOf.set(category.parentId, [...(childrenOf.get(category.parentId) ?? []), category.id]);
  }
  const result = new Set<string>();
  const stack = codes.map((code) => byCode.get(code)?.id).filter((id): id is string => Boolean(id));
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return [...result];
}

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);

async function findByCode(db: Db, workspaceId: string, code: string) {
  const category = await db.category.findUnique({
    where: { workspaceId_code: { workspaceId, code } },
    select: { id: true, kind: true, parentId: true },
  });
  if (!category) throw new AppError("NOT_FOUND", `Unknown category code: ${code}`);
  return category;
}

/** A new group for codes; its code is made from its Swedish name (G-…), unique in the workspace. */
export async function createCategoryGroup({ db, workspace }: ServiceScope, input: CategoryGroupInput) {
  const workspaceId = workspace.id;
  const parent = input.parentCode ? await findByCode(db, workspaceId, input.parentCode) : null;
  if (parent && parent.kind !== "group")
    throw new AppError("VALIDATION", { reason: "CATEGORY_PARENT_NOT_GROUP", field: "parentId" });
  const base = `G-${slug(input.nameSv)}`;
  const taken = new Set(
    (
      await db.category.findMany({
        where: { workspaceId, code: { startsWith: base } },
        select: { code: true },
      })
    ).map((category) => category.code),
  );
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return db.category.create({
    data: {
      workspaceId,
      kind: "group",
      code,
      nameSv: input.nameSv,
      nameEn: input.nameEn,
      parentId: parent?.id ?? null,
      sortOrder: 1000,
    },
    select: categorySelect,
  });
}

/**
 * Renames a category or moves it (with everything below it) under another group. Counts are kept
 * per code, so every figure follows the new tree at once; nothing is recounted.
 */
export async function updateCategory({ db, workspace }: ServiceScope, input: CategoryUpdateInput) {
  const workspaceId = workspace.id;
  const category = await findByCode(db, workspaceId, input.code);
  let parentId: string | null | undefined;
  if (input.parentCode !== undefined) {
    if (input.parentCode === null) parentId = null;
    else {
      const parent = await findByCode(db, workspaceId, input.parentCode);
      if (parent.kind !== "group")
        throw new AppError("VALIDATION", { reason: "CATEGORY_PARENT_NOT_GROUP", field: "parentId" });
      // Moving a group below itself or its own descendants would cut it off from the tree.
      const all = await db.category.findMany({
        where: { workspaceId },
        select: { id: true, parentId: true },
      });
      const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
      for (let at: string | null | undefined = parent.id; at; at = parentOf.get(at))
        if (at === category.id)
          throw new AppError("VALIDATION", { reason: "CATEGORY_BELOW_ITSELF", field: "parentId" });
      parentId = parent.id;
    }
  }
  return db.category.update({
    where: { workspaceId_id: { workspaceId, id: category.id } },
    data: {
      ...(input.nameSv ? { nameSv: input.nameSv } : {}),
      ...(input.nameEn ? { nameEn: input.nameEn } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
    },
    select: categorySelect,
  });
}
