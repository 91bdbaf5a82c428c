import proj4 from "proj4";

/**
 * SWEREF 99 TM (EPSG:3006), the national grid Lantmäteriet's and most kommuners' address
 * registers use: UTM zone 33 on GRS80, which equals WGS84 to well under a metre.
 */
const SWEREF99_TM = "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
const toWgs84 = proj4(SWEREF99_TM, "WGS84");

/** Sweden's extent in SWEREF 99 TM, with a margin: a value outside it is not a Swedish N/E pair. */
export const SWEREF99_TM_BOUNDS = { north: [6_050_000, 7_700_000], east: [200_000, 1_000_000] } as const;

/** A SWEREF 99 TM northing and easting (metres) as WGS84 [lon, lat]. */
export function sweref99tmToWgs84(north: number, east: number): [number, number] {
  const [lon, lat] = toWgs84.forward([east, north]);
  return [lon as number, lat as number];
}

export function isSweref99tm(north: number, east: number): boolean {
  const [minN, maxN] = SWEREF99_TM_BOUNDS.north;
  const [minE, maxE] = SWEREF99_TM_BOUNDS.east;
  return north >= minN && north <= maxN && east >= minE && east <= maxE;
}
