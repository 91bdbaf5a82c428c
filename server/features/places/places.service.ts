import { gridLabel, type PlaceGrid } from "../../../shared/places.ts";
import type { PlaceSearchInput } from "../../../shared/schemas/places.ts";
import { parseDecimal } from "../../../shared/surveys.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope, WorkspaceReadScope } from "../../service-scope.ts";
import { districtContaining, leafAreas } from "../areas/areas.service.ts";
import { locateAliasedColumns } from "../imports/csv.ts";
import { recordImportAudit } from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";
import { readTable } from "../imports/read-table.ts";
import { isInSwedishExtent, swerefToWgs84 } from "./coordinates.ts";

/** Accepted header names (case-insensitive), Swedish first. */
export const PLACE_COLUMNS = {
  name: ["namn", "adress", "plats", "name", "address", "place"],
  lat: ["lat", "latitud", "latitude"],
  lon: ["lon", "long", "longitud", "longitude", "lng"],
  north: ["n", "nord", "northing", "sweref99tm n", "sweref 99 tm n"],
  east: ["e", "öst", "ost", "easting", "sweref99tm e", "sweref 99 tm e"],
} as const;
type Column = keyof typeof PLACE_COLUMNS;

type PlaceRow = { name: string; lon: number; lat: number; area_id: string };

type District = { id: string; geometry: unknown };

/** One row as a place, or the column and reason it is refused. */
function readPlaceRow(
  cell: (column: Column) => string,
  grid: PlaceGrid,
  districts: District[],
): PlaceRow | { column: Column; reason: string } {
  const name = cell("name").replace(/\s+/g, " ");
  if (!name) return { column: "name", reason: "namnet saknas" };
  if (name.length > 200) return { column: "name", reason: "längre än 200 tecken" };
  let point: [number, number];
  if (grid === "wgs84") {
    const lat = parseDecimal(cell("lat"));
    const lon = parseDecimal(cell("lon"));
    if (lat === null || lat < -90 || lat > 90)
      return { column: "lat", reason: `inte en latitud i grader: ${cell("lat") || "(tomt)"}` };
    if (lon === null || lon < -180 || lon > 180)
      return { column: "lon", reason: `inte en longitud i grader: ${cell("lon") || "(tomt)"}` };
    point = [lon, lat];
  } else {
    const north = parseDecimal(cell("north"));
    const east = parseDecimal(cell("east"));
    if (north === null) return { column: "north", reason: `inte ett tal: ${cell("north") || "(tomt)"}` };
    if (east === null) return { column: "east", reason: `inte ett tal: ${cell("east") || "(tomt)"}` };
    if (!isInSwedishExtent(grid, north, east))
      return {
        column: "north",
        reason:
          grid === "sweref99tm"
            ? `${cell("north")} / ${cell("east")} är inte en SWEREF 99 TM-koordinat i Sverige (N omkring 6–7,7 miljoner, E 0,2–1 miljon; en lokal zon väljs i formuläret)`
            : `${cell("north")} / ${cell("east")} är inte en koordinat i ${gridLabel(grid)} (N omkring 6–7,7 miljoner, E omkring 150 000)`,
      };
    point = swerefToWgs84(grid, north, east);
  }
  const district = districtContaining(districts, point);
  if (!district)
    return {
      column: grid === "wgs84" ? "lat" : "north",
      reason: `platsen (${point[1].toFixed(5)}, ${point[0].toFixed(5)}) ligger utanför arbetsytans områden${grid === "wgs84" ? " (är latitud och longitud förväxlade?)" : ` (är filen i ${gridLabel(grid)}?)`}`,
    };
  return { name, lon: point[0], lat: point[1], area_id: district.id };
}

/**
 * Imports a list of addresses and named places from CSV or XLSX: a name and either WGS84
 * latitude/longitude or SWEREF 99 TM N/E. Every row is checked first (each place must lie in one
 * of the workspace's districts), then the whole list is written in one statement: places are
 * added or updated by name, unchanged ones are not written, and places the file does not name are
 * kept. Repeating an import changes nothing.
 */
export async function importPlaces({
  db,
  workspaceId,
  fileName,
  content,
  grid: chosenGrid,
  userId = null,
}: {
  db: Db;
  workspaceId: string;
  /** Who imports, for the audit entry (decisions/018). */
  userId?: string | null;
  fileName: string;
  content: Buffer;
  /** The file's coordinate system; without it, lat/lon columns mean WGS84 and N/E SWEREF 99 TM. */
  grid?: PlaceGrid;
}) {
  const table = await readTable(fileName, content);
  const issues = createIssueList();
  const columns = locateAliasedColumns(table.header, PLACE_COLUMNS);
  const columnName = (column: Column) => columns.get(column)?.name ?? PLACE_COLUMNS[column][0];
  const grid: PlaceGrid = chosenGrid ?? (columns.has("lat") || columns.has("lon") ? "wgs84" : "sweref99tm");
  const required: Column[] = [
    "name",
    ...(grid === "wgs84" ? (["lat", "lon"] as const) : (["north", "east"] as const)),
  ];
  for (const column of required)
    if (!columns.has(column))
      issues.add({
        row: 1,
        column: columnName(column),
        reason: `kolumnen saknas i rubrikraden (godtas: ${PLACE_COLUMNS[column].join(", ")}${column === "name" ? "" : chosenGrid ? `; filen ska ha koordinater i ${gridLabel(chosenGrid)}` : "; ange antingen lat och lon eller N och E i SWEREF 99 TM"})`,
      });
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  const areas = await db.area.findMany({
    where: { workspaceId },
    select: { id: true, parentId: true, code: true, geometry: true },
  });
  const districts = leafAreas(areas).filter((area) => area.geometry);
  if (districts.length === 0) throw new AppError("CONFLICT", { reason: "NO_AREA_SHAPES" });
  const rows: PlaceRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const [position, cells] of table.rows.entries()) {
    const line = position + 2;
    if (cells.every((value) => !value?.trim())) continue;
    const cell = (column: Column) => {
      const found = columns.get(column);
      return found ? (cells[found.index] ?? "").trim() : "";
    };
    const row = readPlaceRow(cell, grid, districts);
    if ("reason" in row) {
      issues.add({ row: line, column: columnName(row.column), reason: row.reason });
      continue;
    }
    const key = row.name.toLowerCase();
    const first = firstLineOf.get(key);
    if (first) {
      issues.add({ row: line, column: columnName("name"), reason: `samma namn som rad ${first}` });
      continue;
    }
    firstLineOf.set(key, line);
    rows.push(row);
  }
  if (rows.length === 0 && issues.total === 0)
    issues.add({ row: 2, column: "-", reason: "filen har inga rader" });
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  const written = await db.$transaction(
    async (tx) => {
      const upserted = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
        `INSERT INTO places (workspace_id, name, lon, lat, area_id)
     SELECT $1::uuid, r.name, r.lon, r.lat, r.area_id
     FROM json_to_recordset($2::json) AS r(name text, lon float8, lat float8, area_id uuid)
     ON CONFLICT (workspace_id, lower(name)) DO UPDATE SET name = EXCLUDED.name, lon = EXCLUDED.lon,
       lat = EXCLUDED.lat, area_id = EXCLUDED.area_id, updated_at = CURRENT_TIMESTAMP
     WHERE (places.name, places.lon, places.lat, places.area_id)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.lon, EXCLUDED.lat, EXCLUDED.area_id)
     RETURNING (xmax = 0) AS inserted`,
        workspaceId,
        JSON.stringify(rows),
      );
      await recordImportAudit(tx, { workspaceId, userId }, { kind: "places", count: rows.length });
      return upserted;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  const added = written.filter((row) => row.inserted).length;
  return {
    grid,
    rows: rows.length,
    added,
    updated: written.length - added,
    unchanged: rows.length - written.length,
  };
}

/**
 * Places whose name contains the text (any case), the exact name first, then names starting with
 * it, then by name; with the workspace's total so a list can say how many there are. An address
 * register holds thousands of places: only the matches travel.
 */
export async function searchPlaces(
  { db, workspace }: WorkspaceReadScope,
  { query, limit }: PlaceSearchInput,
) {
  const workspaceId = workspace.id;
  const text = query.trim().replace(/\s+/g, " ");
  const pattern = text.replace(/[\\%_]/g, (char) => `\\${char}`);
  const [places, total] = await Promise.all([
    db.$queryRaw<
      { id: string; name: string; lon: number; lat: number; areaCode: string | null; areaName: string }[]
    >`
      SELECT p.id::text, p.name, p.lon, p.lat, a.code AS "areaCode", a.name AS "areaName"
      FROM places p JOIN areas a ON a.workspace_id = p.workspace_id AND a.id = p.area_id
      WHERE p.workspace_id = ${workspaceId}::uuid AND p.name ILIKE ${`%${pattern}%`}
      ORDER BY lower(p.name) = lower(${text}) DESC, p.name ILIKE ${`${pattern}%`} DESC, p.name COLLATE "C", p.id
      LIMIT ${limit}`,
    db.place.count({ where: { workspaceId } }),
  ]);
  // Within each rank, Swedish order (å, ä, ö last), which byte order gets slightly wrong.
  const key = text.toLowerCase();
  const rank = (name: string) =>
    name.toLowerCase() === key ? 0 : name.toLowerCase().startsWith(key) ? 1 : 2;
  places.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, "sv"));
  return { total, places };
}

export async function removePlace({ db, workspace }: ServiceScope, id: string) {
  const { count } = await db.place.deleteMany({ where: { workspaceId: workspace.id, id } });
  if (count === 0) throw new AppError("NOT_FOUND", "Ingen sådan plats i arbetsytan");
  return { removed: count };
}
