import fs from "node:fs";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";

/** The attribution SCB asks for, shown with the map and in the README. */
export const BORLANGE_SHAPES_SOURCE = "Källa: SCB, DeSO 2025, CC BY 4.0";

export type DemoShapes = FeatureCollection<Polygon | MultiPolygon, { code: string }> & {
  source: string;
  derivedBy: string;
  /** The simplification tolerance in degrees. */
  tolerance: number;
};

/** Borlänge's 27 DeSO boundaries, simplified by scripts/derive-demo-shapes.ts. */
export function readBorlangeShapes(): Map<string, Polygon | MultiPolygon> {
  const shapes = JSON.parse(
    fs.readFileSync(new URL("./borlange-shapes.json", import.meta.url), "utf8"),
  ) as DemoShapes;
  return new Map(shapes.features.map((feature) => [feature.properties.code, feature.geometry]));
}
