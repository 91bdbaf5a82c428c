import type { Db } from "../../server/db/client.ts";
import { districtContaining } from "../../server/features/areas/areas.service.ts";
import { importPlaces } from "../../server/features/places/places.service.ts";

const KINDS = ["Lekplatsen", "Busshållplatsen", "Tvättstugan", "Gångtunneln"];

/**
 * The demo's address list, imported through the real importer: a few named places at the
 * centres of the first DeSO areas (only where the centre lies inside its own area), marked as
 * demo data in their names.
 */
export async function createDemoPlaces(db: Db, workspaceId: string, count = 12) {
  const areas = await db.area.findMany({
    where: { workspaceId, kind: "deso", centroidLon: { not: null } },
    select: { name: true, code: true, centroidLon: true, centroidLat: true, geometry: true },
    orderBy: { code: "asc" },
  });
  const lines = ["Namn;Lat;Lon"];
  for (const area of areas) {
    if (lines.length > count) break;
    const point: [number, number] = [area.centroidLon ?? 0, area.centroidLat ?? 0];
    if (!districtContaining([area], point)) continue;
    const kind = KINDS[(lines.length - 1) % KINDS.length];
    lines.push(`${kind} (${area.name}, demo);${point[1].toFixed(6)};${point[0].toFixed(6)}`);
  }
  return importPlaces({
    db,
    workspaceId,
    fileName: "platser-demo.csv",
    content: Buffer.from(lines.join("\n"), "utf8"),
  });
}
