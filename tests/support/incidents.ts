import type { Db } from "../../server/db/client.ts";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";

/**
 * `count` incidents of one category in one area on one day (10:00 UTC), from a synthetic
 * "Testkälla" source; `tag` keeps their external ids apart from other calls'.
 */
export async function addIncidents(
  db: Db,
  workspaceId: string,
  incidents: { categoryCode: string; areaCode: string; day: string; count: number; tag: string },
) {
  const source =
    (await db.dataSource.findFirst({ where: { workspaceId, name: "Testkälla" } })) ??
    (await db.dataSource.create({ data: { workspaceId, kind: "synthetic", name: "Testkälla" } }));
  const category = await db.category.findFirstOrThrow({
    where: { workspaceId, code: incidents.categoryCode },
  });
  const area = await db.area.findFirstOrThrow({ where: { workspaceId, code: incidents.areaCode } });
  const at = new Date(`${incidents.day}T10:00:00Z`);
  await insertIncidents(
    db,
    workspaceId,
    Array.from({ length: incidents.count }, (_, i) => ({
      dataSourceId: source.id,
      externalId: `${incidents.tag}-${i}`,
      categoryId: category.id,
      areaId: area.id,
      occurredFrom: at,
      registeredAt: at,
      count: 1,
    })),
    "Europe/Stockholm",
  );
}
