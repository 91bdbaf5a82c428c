import { Delaunay } from "d3-delaunay";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { intersection } from "polyclip-ts";

export type Seed = { code: string; lon: number; lat: number };

const KM_PER_DEGREE_LAT = 111.32;

/**
 * Approximate district shapes where official polygons may not be used: the Voronoi cell of each
 * centroid, clipped to the centroids' convex hull pushed out by `marginKm`. Shapes are marked
 * approximate wherever they are shown.
 */
export function approximateDistricts(
  seeds: readonly Seed[],
  marginKm = 3,
): Map<string, Polygon | MultiPolygon> {
  if (seeds.length < 3) throw new Error("Need at least three centroids to draw districts");
  const lat0 = seeds.reduce((sum, seed) => sum + seed.lat, 0) / seeds.length;
  const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos((lat0 * Math.PI) / 180);
  // Work in kilometres on a local plane so the margin and cell shapes are not stretched.
  const project = (seed: Seed): [number, number] => [seed.lon * kmPerDegreeLon, seed.lat * KM_PER_DEGREE_LAT];
  const unproject = ([x = 0, y = 0]: Position): Position => [
    round(x / kmPerDegreeLon, 6),
    round(y / KM_PER_DEGREE_LAT, 6),
  ];
  const points = seeds.map(project);
  const delaunay = Delaunay.from(points);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const bounds: [number, number, number, number] = [
    Math.min(...xs) - 2 * marginKm,
    Math.min(...ys) - 2 * marginKm,
    Math.max(...xs) + 2 * marginKm,
    Math.max(...ys) + 2 * marginKm,
  ];
  const voronoi = delaunay.voronoi(bounds);
  const outline = expandedHull(delaunay.hullPolygon(), marginKm);
  const shapes = new Map<string, Polygon | MultiPolygon>();
  seeds.forEach((seed, index) => {
    const cell = voronoi.cellPolygon(index) as [number, number][] | null;
    if (!cell) return;
    const clipped = intersection([cell], [outline]);
    const polygons = clipped.map((polygon) => polygon.map((ring) => ring.map(unproject)));
    if (polygons.length === 1 && polygons[0])
      shapes.set(seed.code, { type: "Polygon", coordinates: polygons[0] });
    else if (polygons.length > 1) shapes.set(seed.code, { type: "MultiPolygon", coordinates: polygons });
  });
  return shapes;
}

function expandedHull(hull: [number, number][], marginKm: number): [number, number][] {
  const cx = hull.reduce((sum, p) => sum + p[0], 0) / hull.length;
  const cy = hull.reduce((sum, p) => sum + p[1], 0) / hull.length;
  return hull.map(([x, y]) => {
    const length = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / length) * marginKm, y + ((y - cy) / length) * marginKm];
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
