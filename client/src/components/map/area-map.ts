import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { LngLatBounds, Map as MapLibreMap, type StyleSpecification } from "maplibre-gl";

// Offline default: no external tiles or glyphs, so the map works on a closed network.
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#eef2f5" } }],
};

/** A map in `container` (offline style unless a style URL is given), fitted to the areas' bounds. */
export function createAreaMap(
  container: HTMLElement,
  geometries: FeatureCollection<Polygon | MultiPolygon, unknown>,
  options: { styleUrl?: string | null; padding: number },
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: options.styleUrl ?? OFFLINE_STYLE,
    attributionControl: false,
    dragRotate: false,
  });
  const bounds = new LngLatBounds();
  for (const feature of geometries.features) {
    const rings =
      feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of rings) for (const [lon = 0, lat = 0] of polygon[0] ?? []) bounds.extend([lon, lat]);
  }
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: options.padding, animate: false });
  return map;
}
