import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";

const categorySelect = {
  id: true,
  parentId: true,
  kind: true,
  code: true,
  nameSv: true,
  nameEn: true,
  sortOrder: true,
} as const;

export async function listCategories({ db, workspaceId }: { db: Db; workspaceId: string }) {
  return db.category.findMany({
    where: { workspaceId },
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
