import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from "geojson";
import { LngLatBounds, Map as MapLibreMap, type StyleSpecification } from "maplibre-gl";

// Offline default: no external tiles or glyphs, so the map works on a closed network.
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#eef2f5" } }],
};

/**
 * A map in `container` (offline style unless a style URL is given), fitted to the areas' bounds.
 * `isForImage` keeps the drawn pixels readable and the map still, so `mapImage` can copy it.
 */
export function createAreaMap(
  container: HTMLElement,
  geometries: FeatureCollection<Polygon | MultiPolygon, unknown>,
  options: { styleUrl?: string | null; padding: number; isForImage?: boolean },
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: options.styleUrl ?? OFFLINE_STYLE,
    attributionControl: false,
    dragRotate: false,
    ...(options.isForImage
      ? { canvasContextAttributes: { preserveDrawingBuffer: true }, interactive: false, fadeDuration: 0 }
      : {}),
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

/**
 * The map as it is drawn now, as a PNG data URL. A WebGL canvas prints blank, so printing swaps
 * in this image; the map must have been created with `isForImage`.
 */
export function mapImage(map: MapLibreMap): string {
  return map.getCanvas().toDataURL("image/png");
}

/** The districts as a white, outlined base the user can orient by. */
export function addDistrictLayers(
  map: MapLibreMap,
  geometries: FeatureCollection<Polygon | MultiPolygon, GeoJsonProperties>,
) {
  map.addSource("districts", { type: "geojson", data: geometries });
  map.addLayer({
    id: "districts-fill",
    type: "fill",
    source: "districts",
    paint: { "fill-color": "#ffffff", "fill-opacity": 0.7 },
  });
  map.addLayer({
    id: "districts-line",
    type: "line",
    source: "districts",
    paint: { "line-color": "#4a4a4a", "line-width": 0.8 },
  });
}

/** Draws (or redraws) a walk's route: the line and its points, numbered by order. */
export function drawRoute(map: MapLibreMap, points: readonly [number, number][]) {
  const data = {
    type: "FeatureCollection" as const,
    features: [
      ...(points.length >= 2
        ? [
            {
              type: "Feature" as const,
              properties: {},
              geometry: { type: "LineString" as const, coordinates: points.map((p) => [...p]) },
            },
          ]
        : []),
      ...points.map((point, index) => ({
        type: "Feature" as const,
        properties: { index },
        geometry: { type: "Point" as const, coordinates: [...point] },
      })),
    ],
  };
  const source = map.getSource("route") as { setData?: (value: unknown) => void } | undefined;
  if (source?.setData) {
    source.setData(data);
    return;
  }
  map.addSource("route", { type: "geojson", data });
  map.addLayer({
    id: "route-line",
    type: "line",
    source: "route",
    filter: ["==", ["geometry-type"], "LineString"],
    paint: { "line-color": "#0b3d91", "line-width": 4, "line-dasharray": [2, 1] },
  });
  map.addLayer({
    id: "route-points",
    type: "circle",
    source: "route",
    filter: ["==", ["geometry-type"], "Point"],
    paint: {
      "circle-color": "#0b3d91",
      "circle-radius": 5,
      "circle-stroke-color": "#fff",
      "circle-stroke-width": 2,
    },
  });
}
