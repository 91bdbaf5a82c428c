import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import type { Db } from "../../db/client.ts";
import { locateColumns, parseCsv } from "../imports/csv.ts";
import { type ImportActor, recordImportAudit } from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";

export type AreaImportOptions = ImportActor & {
  db: Db;
  workspaceId: string;
  content: Buffer | string;
  kind: "deso" | "regso" | "district" | "subarea";
  codeProperty: string;
  nameProperty?: string;
  /** Properties naming the kommun each area lies in; kommuner are created when missing. */
  parentCodeProperty?: string;
  parentNameProperty?: string;
  validFrom?: string;
};

/** The centroid of a polygon's outer ring (the largest, for a multipolygon) by the shoelace formula. */
export function polygonCentroid(geometry: Polygon | MultiPolygon): [number, number] {
  const rings =
    geometry.type === "Polygon"
      ? [geometry.coordinates[0] ?? []]
      : geometry.coordinates.map((p) => p[0] ?? []);
  let best: { area: number; x: number; y: number } = { area: 0, x: 0, y: 0 };
  for (const ring of rings) {
    let area = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0 = 0, y0 = 0] = ring[i] as Position;
      const [x1 = 0, y1 = 0] = ring[i + 1] as Position;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
    if (Math.abs(area) > Math.abs(best.area)) best = { area, x: x / (3 * area), y: y / (3 * area) };
  }
  return [best.x, best.y];
}

const isPolygonal = (geometry: Geometry | null): geometry is Polygon | MultiPolygon =>
  geometry?.type === "Polygon" || geometry?.type === "MultiPolygon";

/** What a GeoJSON file holds, so the user can choose the code and name properties. */
export function previewGeoJson(content: Buffer | string) {
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(typeof content === "string" ? content : content.toString("utf8"));
  } catch (error) {
    throw new ImportRejectedError(
      [{ row: 1, column: "-", reason: `inte giltig JSON: ${(error as Error).message}` }],
      1,
    );
  }
  const features = Array.isArray(collection?.features) ? collection.features : [];
  if (features.length === 0)
    throw new ImportRejectedError([{ row: 1, column: "features", reason: "inga områden i filen" }], 1);
  const properties = [...new Set(features.slice(0, 50).flatMap((f) => Object.keys(f.properties ?? {})))];
  return {
    features: features.length,
    properties,
    examples: features
      .slice(0, 3)
      .map((f) => Object.fromEntries(properties.map((key) => [key, String(f.properties?.[key] ?? "")]))),
  };
}

/** Areas from GeoJSON, validated whole first; re-importing updates shapes and names in place. */
export async function importAreasGeoJson(options: AreaImportOptions) {
  const { db, workspaceId } = options;
  const issues = createIssueList();
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(
      typeof options.content === "string" ? options.content : options.content.toString("utf8"),
    );
  } catch (error) {
    throw new ImportRejectedError(
      [{ row: 1, column: "-", reason: `inte giltig JSON: ${(error as Error).message}` }],
      1,
    );
  }
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new ImportRejectedError(
      [{ row: 1, column: "type", reason: "inte en GeoJSON FeatureCollection" }],
      1,
    );
  }
  const features: {
    feature: Feature<Polygon | MultiPolygon>;
    code: string;
    /** Null when the file has no name for it: a new area is called by its code until one comes. */
    name: string | null;
    parentCode?: string;
    parentName?: string;
  }[] = [];
  collection.features.forEach((feature, position) => {
    const row = position + 1;
    const properties = feature.properties ?? {};
    const code = String(properties[options.codeProperty] ?? "").trim();
    if (!code) {
      issues.add({ row, column: options.codeProperty, reason: "koden saknas" });
      return;
    }
    if (!isPolygonal(feature.geometry)) {
      issues.add({ row, column: "geometry", reason: "inte en polygon" });
      return;
    }
    const parentCode = options.parentCodeProperty
      ? String(properties[options.parentCodeProperty] ?? "").trim()
      : undefined;
    if (options.parentCodeProperty && !parentCode) {
      issues.add({ row, column: options.parentCodeProperty, reason: "kommunkoden saknas" });
      return;
    }
    features.push({
      feature: feature as Feature<Polygon | MultiPolygon>,
      code,
      name: options.nameProperty ? String(properties[options.nameProperty] ?? "").trim() || null : null,
      parentCode,
      parentName: options.parentNameProperty
        ? String(properties[options.parentNameProperty] ?? parentCode)
        : parentCode,
    });
  });
  if (features.length === 0 && issues.total === 0)
    issues.add({ row: 1, column: "features", reason: "inga områden i filen" });
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  const validFrom = options.validFrom ? new Date(`${options.validFrom}T00:00:00Z`) : null;
  return db.$transaction(
    async (tx) => {
      const existing = await tx.area.findMany({
        where: { workspaceId },
        select: { id: true, kind: true, code: true },
      });
      const idOf = new Map(existing.map((area) => [`${area.kind}:${area.code}`, area.id]));
      for (const { parentCode, parentName } of features) {
        if (!parentCode || idOf.has(`kommun:${parentCode}`)) continue;
        const kommun = await tx.area.create({
          data: { workspaceId, kind: "kommun", code: parentCode, name: parentName ?? parentCode, validFrom },
        });
        idOf.set(`kommun:${parentCode}`, kommun.id);
      }
      let created = 0;
      for (const { feature, code, name, parentCode } of features) {
        const [centroidLon, centroidLat] = polygonCentroid(feature.geometry);
        const data = {
          geometry: feature.geometry as object,
          centroidLon,
          centroidLat,
          isApproximate: false,
          parentId: parentCode ? (idOf.get(`kommun:${parentCode}`) ?? null) : null,
          validFrom,
        };
        const id = idOf.get(`${options.kind}:${code}`);
        // Without a name in the file, a re-import keeps the name the area has (from a delivery or a rename).
        if (id)
          await tx.area.update({
            where: { workspaceId_id: { workspaceId, id } },
            data: name ? { ...data, name } : data,
          });
        else {
          const area = await tx.area.create({
            data: { workspaceId, kind: options.kind, code, name: name ?? code, ...data },
            select: { id: true },
          });
          idOf.set(`${options.kind}:${code}`, area.id);
          created++;
        }
      }
      await recordImportAudit(tx, options, { kind: "areas", count: features.length });
      return { areas: features.length, created };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Population per area and year from CSV (code, year, population columns), upserted. */
export async function importPopulation(
  options: ImportActor & {
    db: Db;
    workspaceId: string;
    content: Buffer | string;
    codeColumn: string;
    yearColumn: string;
    populationColumn: string;
  },
) {
  const { db, workspaceId } = options;
  const table = parseCsv(options.content);
  const issues = createIssueList();
  const { index, missing } = locateColumns(table.header, [
    options.codeColumn,
    options.yearColumn,
    options.populationColumn,
  ]);
  for (const column of missing) issues.add({ row: 1, column, reason: "kolumnen saknas i rubrikraden" });
  const areas = await db.area.findMany({ where: { workspaceId }, select: { id: true, code: true } });
  const areaByCode = new Map(areas.map((area) => [area.code, area.id]));
  const values: { areaId: string; year: number; population: number }[] = [];
  if (missing.length === 0) {
    table.rows.forEach((cells, position) => {
      const line = position + 2;
      const code = (cells[index[options.codeColumn] ?? -1] ?? "").trim();
      const year = Number((cells[index[options.yearColumn] ?? -1] ?? "").trim());
      const population = Number(
        (cells[index[options.populationColumn] ?? -1] ?? "").trim().replace(",", ".").replace(/\s/g, ""),
      );
      const areaId = areaByCode.get(code);
      if (!areaId) {
        issues.add({
          row: line,
          column: options.codeColumn,
          reason: `området ${code} finns inte i arbetsytan`,
        });
        return;
      }
      if (!Number.isInteger(year) || year < 1900 || year > 2100) {
        issues.add({ row: line, column: options.yearColumn, reason: "inte ett årtal" });
        return;
      }
      if (!Number.isFinite(population) || population < 0) {
        issues.add({ row: line, column: options.populationColumn, reason: "inte ett antal invånare" });
        return;
      }
      values.push({ areaId, year, population: Math.round(population) });
    });
  }
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  await db.$transaction(
    async (tx) => {
      for (const value of values) {
        await tx.areaPopulation.upsert({
          where: { workspaceId_areaId_year: { workspaceId, areaId: value.areaId, year: value.year } },
          create: { workspaceId, ...value },
          update: { population: value.population },
        });
      }
      await recordImportAudit(tx, options, { kind: "population", count: values.length });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { rows: values.length };
}
