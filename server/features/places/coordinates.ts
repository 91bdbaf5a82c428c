import proj4, { type Converter } from "proj4";
import { type PlaceGrid, SWEREF99_LOCAL_ZONES } from "../../../shared/places.ts";

/**
 * SWEREF 99 TM (EPSG:3006), the national grid: UTM zone 33 on GRS80, which equals WGS84 to well
 * under a metre. The local zones (EPSG:3007–3018) are transverse Mercator on their own meridian
 * with scale 1 and false easting 150 000 m.
 */
const SWEREF99_TM = "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
const localZone = (meridian: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;

type MetricGrid = Exclude<PlaceGrid, "wgs84">;
const converters = new Map<MetricGrid, Converter>();
function converterOf(grid: MetricGrid) {
  let converter = converters.get(grid);
  if (!converter) {
    converter = proj4(
      grid === "sweref99tm" ? SWEREF99_TM : localZone(SWEREF99_LOCAL_ZONES[grid].meridian),
      "WGS84",
    );
    converters.set(grid, converter);
  }
  return converter;
}

/** Sweden's extent in SWEREF 99 TM, with a margin: a value outside it is not a Swedish N/E pair. */
const SWEREF99_TM_BOUNDS = { north: [6_050_000, 7_700_000], east: [200_000, 1_000_000] } as const;
/** A local zone reaches about 150 km either side of its meridian. */
const LOCAL_ZONE_EAST = [-50_000, 350_000] as const;

/** A northing and easting (metres) in a SWEREF 99 grid as WGS84 [lon, lat]. */
export function swerefToWgs84(grid: MetricGrid, north: number, east: number): [number, number] {
  const [lon, lat] = converterOf(grid).forward([east, north]);
  return [lon as number, lat as number];
}

/** Whether a pair can be a Swedish position in the grid (swapped or foreign pairs are not). */
export function isInSwedishExtent(grid: MetricGrid, north: number, east: number): boolean {
  const [minN, maxN] = SWEREF99_TM_BOUNDS.north;
  const [minE, maxE] = grid === "sweref99tm" ? SWEREF99_TM_BOUNDS.east : LOCAL_ZONE_EAST;
  return north >= minN && north <= maxN && east >= minE && east <= maxE;
}
