import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import type { DistrictGeometries, RenameAreaInput } from "../../../shared/schemas/areas.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope, WorkspaceReadScope } from "../../service-scope.ts";

const areaSelect = {
  id: true,
  parentId: true,
  kind: true,
  code: true,
  name: true,
  centroidLon: true,
  centroidLat: true,
  isApproximate: true,
} as const;

/** Every area of the workspace; public pages call it with the page's workspace. */
export async function listAreas({ db, workspace }: WorkspaceReadScope) {
  return db.area.findMany({
    where: { workspaceId: workspace.id },
    select: areaSelect,
    orderBy: [{ kind: "asc" }, { code: "asc" }],
  });
}

/** An admin's name for an area; deliveries and area files without names never replace it. */
export async function renameArea({ db, workspace }: ServiceScope, input: RenameAreaInput) {
  const renamed = await db.area.updateManyAndReturn({
    where: { workspaceId: workspace.id, id: input.areaId },
    data: { name: input.name },
    select: { id: true, code: true, name: true },
  });
  const area = renamed[0];
  if (!area) throw new AppError("NOT_FOUND", "No such area in this workspace");
  return area;
}

type AreaNode = { id: string; parentId: string | null; code: string | null };

/** Areas without children: the level the map draws and the table lists. */
export function leafAreas<T extends AreaNode>(areas: readonly T[]): T[] {
  const parents = new Set(areas.map((area) => area.parentId).filter(Boolean));
  return areas.filter((area) => !parents.has(area.id));
}

/**
 * The areas covered by the given codes: each one and everything below it, at every level. Unknown
 * codes are an error naming them, so a foreign or mistyped code never silently widens or empties
 * a view. Incidents known only to kommun level (police events) count when their kommun is covered.
 */
export function coveredAreas<T extends AreaNode>(areas: readonly T[], codes: readonly string[]): T[] {
  if (codes.length === 0) return [...areas];
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) throw new AppError("NOT_FOUND", `Unknown area code: ${unknown.join(", ")}`);
  const selected = new Set(codes.map((code) => byCode.get(code)?.id));
  const byId = new Map(areas.map((area) => [area.id, area]));
  return areas.filter((area) => {
    for (
      let current: T | undefined = area;
      current;
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      if (selected.has(current.id)) return true;
    }
    return false;
  });
}

/** The leaf areas (districts) covered by the given codes: the rows of the map and district table. */
export function resolveAreaScope<T extends AreaNode>(areas: readonly T[], codes: readonly string[]): T[] {
  const leaves = new Set(leafAreas(areas));
  return coveredAreas(areas, codes).filter((area) => leaves.has(area));
}

/** The population per area for the period's year, or the nearest earlier (else later) year. */
export async function populationsFor(
  { db, workspace }: WorkspaceReadScope,
  { areaIds, year }: { areaIds: string[]; year: number },
) {
  const rows = await db.areaPopulation.findMany({
    where: { workspaceId: workspace.id, areaId: { in: areaIds } },
    select: { areaId: true, year: true, population: true },
  });
  const chosen = new Map<string, { year: number; population: number }>();
  const distance = (candidate: number) => (candidate <= year ? year - candidate : 1000 + candidate - year);
  for (const row of rows) {
    const current = chosen.get(row.areaId);
    if (!current || distance(row.year) < distance(current.year)) chosen.set(row.areaId, row);
  }
  return chosen;
}

/**
 * Inhabitants of each area for rates: a district's own figure, a larger area's the sum of its
 * districts' (so a kommun matches its districts even where its own figure is of another year).
 */
export function populationByArea(
  areas: readonly AreaNode[],
  leafPopulation: ReadonlyMap<string, { population: number }>,
): Map<string, number | null> {
  const children = new Map<string, string[]>();
  for (const area of areas)
    if (area.parentId) children.set(area.parentId, [...(children.get(area.parentId) ?? []), area.id]);
  const result = new Map<string, number | null>();
  const visit = (id: string): number | null => {
    const known = result.get(id);
    if (known !== undefined) return known;
    const kids = children.get(id) ?? [];
    const sums = kids.map(visit);
    const value =
      kids.length > 0 && sums.every((sum) => sum !== null)
        ? sums.reduce<number>((total, sum) => total + (sum ?? 0), 0)
        : (leafPopulation.get(id)?.population ?? null);
    result.set(id, value);
    return value;
  };
  for (const area of areas) visit(area.id);
  return result;
}

/** The district whose boundary holds the point (lon, lat), if any. */
export function districtContaining<T extends { geometry: unknown }>(
  districts: readonly T[],
  point: [number, number],
): T | undefined {
  return districts.find(
    (district) =>
      district.geometry &&
      booleanPointInPolygon(point, district.geometry as unknown as Polygon | MultiPolygon),
  );
}

/** The workspace's district at a point, for reports and findings placed on the map. */
export async function districtAt({ db, workspace }: WorkspaceReadScope, point: [number, number]) {
  const areas = await db.area.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, parentId: true, code: true, name: true, geometry: true },
  });
  return districtContaining(leafAreas(areas), point) ?? null;
}

/** "Källa: SCB, DeSO 2025, CC BY 4.0" for SCB's statistical areas; a kommun's own districts need none. */
export function boundarySource(kind: string, validFrom: Date | null): string | null {
  if (kind !== "deso" && kind !== "regso") return null;
  const edition = validFrom ? ` ${validFrom.getUTCFullYear()}` : "";
  return `Källa: SCB, ${kind === "deso" ? "DeSO" : "RegSO"}${edition}, CC BY 4.0`;
}

/** The districts' boundaries; public pages (the citizen report form) call it with the page's workspace. */
export async function getDistrictGeometries({
  db,
  workspace,
}: WorkspaceReadScope): Promise<DistrictGeometries> {
  const areas = await db.area.findMany({
    where: { workspaceId: workspace.id },
    select: { ...areaSelect, geometry: true, validFrom: true },
  });
  const features = leafAreas(areas)
    .filter((area) => area.geometry !== null)
    .map((area) => ({
      type: "Feature" as const,
      id: area.code ?? area.id,
      geometry: area.geometry as unknown as Polygon | MultiPolygon,
      properties: {
        areaId: area.id,
        code: area.code,
        name: area.name,
        isApproximate: area.isApproximate,
        centroid:
          area.centroidLon !== null && area.centroidLat !== null
            ? ([area.centroidLon, area.centroidLat] as [number, number])
            : null,
        source: boundarySource(area.kind, area.validFrom),
      },
    }));
  return { type: "FeatureCollection", features };
}
