/**
 * Coordinate systems an address list may use: WGS84 degrees, the national SWEREF 99 TM, or one of
 * SWEREF 99's twelve local zones (many kommuners' registers), by their zone meridian.
 */
export const SWEREF99_LOCAL_ZONES = {
  sweref99_1200: { epsg: 3007, meridian: 12 },
  sweref99_1330: { epsg: 3008, meridian: 13.5 },
  sweref99_1415: { epsg: 3012, meridian: 14.25 },
  sweref99_1500: { epsg: 3009, meridian: 15 },
  sweref99_1545: { epsg: 3013, meridian: 15.75 },
  sweref99_1630: { epsg: 3010, meridian: 16.5 },
  sweref99_1715: { epsg: 3014, meridian: 17.25 },
  sweref99_1800: { epsg: 3011, meridian: 18 },
  sweref99_1845: { epsg: 3015, meridian: 18.75 },
  sweref99_2015: { epsg: 3016, meridian: 20.25 },
  sweref99_2145: { epsg: 3017, meridian: 21.75 },
  sweref99_2315: { epsg: 3018, meridian: 23.25 },
} as const;
export type LocalZone = keyof typeof SWEREF99_LOCAL_ZONES;

export const PLACE_GRIDS = [
  "wgs84",
  "sweref99tm",
  ...(Object.keys(SWEREF99_LOCAL_ZONES) as LocalZone[]),
] as const;
export type PlaceGrid = (typeof PLACE_GRIDS)[number];

/** "SWEREF 99 15 00" from sweref99_1500; the others by their usual names. */
export function gridLabel(grid: PlaceGrid): string {
  if (grid === "wgs84") return "WGS84 (lat/lon)";
  if (grid === "sweref99tm") return "SWEREF 99 TM (N/E)";
  const digits = grid.slice("sweref99_".length);
  return `SWEREF 99 ${digits.slice(0, 2)} ${digits.slice(2)} (N/E, EPSG:${SWEREF99_LOCAL_ZONES[grid].epsg})`;
}
