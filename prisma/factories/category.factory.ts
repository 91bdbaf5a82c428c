import { DEMO_CATEGORY_TREE, type DemoCategory } from "../demo/categories.ts";
import type { Db } from "../../server/db/client.ts";

export type CreatedCategory = DemoCategory & { id: string; parentCode: string | null };

export async function createCategoryTree(
  db: Db,
  workspaceId: string,
  tree: DemoCategory[] = DEMO_CATEGORY_TREE,
) {
  const created: CreatedCategory[] = [];
  let sortOrder = 0;
  const walk = async (nodes: DemoCategory[], parent: CreatedCategory | null) => {
    for (const node of nodes) {
      const row = await db.category.create({
        data: {
          workspaceId,
          parentId: parent?.id ?? null,
          kind: node.kind,
          code: node.code,
          nameSv: node.nameSv,
          nameEn: node.nameEn,
          sortOrder: sortOrder++,
        },
      });
      const entry = { ...node, id: row.id, parentCode: parent?.code ?? null };
      created.push(entry);
      await walk(node.children ?? [], entry);
    }
  };
  await walk(tree, null);
  return created;
}
