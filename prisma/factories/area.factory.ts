import { BORLANGE, BORLANGE_DESO } from "../demo/borlange.ts";
import { readBorlangeShapes } from "../demo/borlange-shapes.ts";
import type { Db } from "../../server/db/client.ts";

const DESO_2025 = new Date("2025-01-01T00:00:00Z");

/** Borlänge kommun → its RegSO districts → its 27 DeSO areas, with SCB's shapes (simplified) and population. */
export async function createBorlangeAreas(db: Db, workspaceId: string) {
  const shapes = readBorlangeShapes();
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const kommun = await db.area.create({
    data: {
      workspaceId,
      kind: "kommun",
      code: BORLANGE.code,
      name: BORLANGE.name,
      centroidLon: mean(BORLANGE_DESO.map((d) => d.lon)),
      centroidLat: mean(BORLANGE_DESO.map((d) => d.lat)),
      validFrom: DESO_2025,
    },
  });
  const regsoCodes = [...new Set(BORLANGE_DESO.map((d) => d.regsoCode))].sort();
  const regsoIds = new Map<string, string>();
  for (const code of regsoCodes) {
    const members = BORLANGE_DESO.filter((d) => d.regsoCode === code);
    // A RegSO's name is its DeSO names without their trailing number.
    const name = (members[0]?.name ?? code).replace(/ \d+$/, "");
    const regso = await db.area.create({
      data: {
        workspaceId,
        parentId: kommun.id,
        kind: "regso",
        code,
        name,
        centroidLon: mean(members.map((d) => d.lon)),
        centroidLat: mean(members.map((d) => d.lat)),
        validFrom: DESO_2025,
      },
    });
    regsoIds.set(code, regso.id);
  }
  const desos = [];
  for (const deso of BORLANGE_DESO) {
    const area = await db.area.create({
      data: {
        workspaceId,
        parentId: regsoIds.get(deso.regsoCode) ?? kommun.id,
        kind: "deso",
        code: deso.code,
        name: deso.name,
        geometry: (shapes.get(deso.code) as object | undefined) ?? undefined,
        isApproximate: false,
        centroidLon: deso.lon,
        centroidLat: deso.lat,
        validFrom: DESO_2025,
        populations: {
          create: Object.entries(deso.population).map(([year, population]) => ({
            year: Number(year),
            population,
          })),
        },
      },
    });
    desos.push({ ...area, population: deso.population });
  }
  return { kommun, desos };
}
