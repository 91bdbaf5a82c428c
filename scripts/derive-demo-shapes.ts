// Derives the demo's district shapes from SCB's DeSO 2025 boundaries (CC BY 4.0), once:
//   npx tsx scripts/derive-demo-shapes.ts [path to deso_dalarna.geojson]
// It keeps Borlänge's 27 DeSO, simplifies them and writes prisma/demo/borlange-shapes.json,
// the one copy of shared data in the repository (docs/decisions/017).
import fs from "node:fs";
import path from "node:path";
import simplify from "@turf/simplify";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { BORLANGE } from "../prisma/demo/borlange.ts";
import { BORLANGE_SHAPES_SOURCE, type DemoShapes } from "../prisma/demo/borlange-shapes.ts";

/** Degrees: about 5 m north–south here, so a street-level map still shows where the boundary runs. */
const TOLERANCE = 0.00005;
/** Five decimals are about a metre: finer digits only make the file larger. */
const DIGITS = 5;

const root = path.resolve(import.meta.dirname, "..");
const input = process.argv[2] ?? path.resolve(root, "../shared/data/dalarna/deso_dalarna.geojson");
const output = path.join(root, "prisma/demo/borlange-shapes.json");

type SourceProperties = { desokod: string; Kommunkod: string };

const round = (value: number) => Math.round(value * 10 ** DIGITS) / 10 ** DIGITS;

/** Rounded positions, without the repeats rounding can make; a ring keeps at least four. */
function roundRing(ring: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const [lon = 0, lat = 0] of ring) {
    const point = [round(lon), round(lat)];
    const last = rounded.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
  }
  return rounded.length >= 4 ? rounded : ring.map(([lon = 0, lat = 0]) => [lon, lat]);
}

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === "Polygon")
    return { type: "Polygon", coordinates: geometry.coordinates.map(roundRing) };
  return {
    type: "MultiPolygon",
    coordinates: geometry.coordinates.map((polygon) => polygon.map(roundRing)),
  };
}

const source = JSON.parse(fs.readFileSync(input, "utf8")) as FeatureCollection<
  Polygon | MultiPolygon,
  SourceProperties
>;
const features = source.features
  .filter((feature) => feature.properties.Kommunkod === BORLANGE.code)
  .sort((a, b) => a.properties.desokod.localeCompare(b.properties.desokod))
  .map((feature): Feature<Polygon | MultiPolygon, { code: string }> => {
    const simplified = simplify(feature, { tolerance: TOLERANCE, highQuality: true });
    return {
      type: "Feature",
      properties: { code: feature.properties.desokod },
      geometry: roundGeometry(simplified.geometry),
    };
  });
if (features.length !== 27) throw new Error(`Expected Borlänge's 27 DeSO, found ${features.length}`);

const shapes: DemoShapes = {
  source: BORLANGE_SHAPES_SOURCE,
  derivedBy: `scripts/derive-demo-shapes.ts from ${path.basename(input)}: tolerance ${TOLERANCE}°, ${DIGITS} decimals`,
  tolerance: TOLERANCE,
  type: "FeatureCollection",
  features,
};
fs.writeFileSync(output, `${JSON.stringify(shapes)}\n`);
console.log(`${features.length} areas, ${fs.statSync(output).size} bytes → ${path.relative(root, output)}`);
