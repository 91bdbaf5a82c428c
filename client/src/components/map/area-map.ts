import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from "geojson";
import {
  addProtocol,
  type LayerSpecification,
  LngLatBounds,
  Map as MapLibreMap,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import { Protocol } from "pmtiles";

// Every map module loads this one, lazily: maplibre's worker and styles are set up once here.
setWorkerUrl(workerUrl);

/**
 * The app's own basemap (server/features/maps): Protomaps' style over the PMTiles archive in the
 * data folder, or a plain offline background without one. Nothing is fetched from elsewhere.
 */
export const APP_BASEMAP_STYLE_URL = "/basemap/style.json";

addProtocol("pmtiles", new Protocol().tile);

/** A raster tile template ({z}/{x}/{y}, as Lantmäteriet's topographic map) as a style; other URLs are styles. */
export function styleFor(styleUrl: string | null | undefined): string | StyleSpecification {
  if (!styleUrl) return APP_BASEMAP_STYLE_URL;
  if (!styleUrl.includes("{z}")) return styleUrl;
  return {
    version: 8,
    sources: {
      raster: { type: "raster", tiles: [styleUrl], tileSize: 256, attribution: rasterAttribution(styleUrl) },
    },
    layers: [{ id: "raster", type: "raster", source: "raster" }],
  };
}

function rasterAttribution(template: string): string {
  const host = new URL(template).host;
  return host.endsWith("lantmateriet.se") ? "© Lantmäteriet" : host;
}

type Basemap = { streetLayers: string[]; firstStreetLayer?: string; firstLabelLayer?: string };
const basemaps = new WeakMap<MapLibreMap, Basemap>();
const isStreetLayer = (layer: LayerSpecification) =>
  "source-layer" in layer &&
  (layer["source-layer"] === "roads" || layer["source-layer"] === "transportation");

/** Whether the map has a basemap under the app's layers (not the plain offline background). */
export function hasBasemap(map: MapLibreMap): boolean {
  return (basemaps.get(map)?.streetLayers.length ?? 0) > 0;
}

/** Where district layers go: fills under the streets, outlines under the place names. */
export function districtLayerAnchors(map: MapLibreMap): { fill?: string; line?: string } {
  const basemap = basemaps.get(map);
  return { fill: basemap?.firstStreetLayer, line: basemap?.firstLabelLayer };
}

/** The sources of the areas' boundaries (as "Källa: SCB, DeSO 2025, CC BY 4.0"), for the attribution. */
function boundarySources(geometries: FeatureCollection<Polygon | MultiPolygon, unknown>): string[] {
  const sources = geometries.features.map(
    (feature) => (feature.properties as { source?: unknown } | null)?.source,
  );
  return [...new Set(sources.filter((source): source is string => typeof source === "string"))];
}

/**
 * A map in `container` (the app's basemap unless a style URL is given), fitted to the areas' bounds.
 * `isForImage` keeps the drawn pixels readable and the map still, so `mapImage` can copy it.
 */
export function createAreaMap(
  container: HTMLElement,
  geometries: FeatureCollection<Polygon | MultiPolygon, unknown>,
  options: { styleUrl?: string | null; padding: number; isForImage?: boolean },
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: styleFor(options.styleUrl),
    attributionControl: { customAttribution: boundarySources(geometries) },
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
  // Registered first, so the basemap's layers are known before callers add theirs on "load".
  map.on("load", () => {
    const layers = map.getStyle().layers;
    const streetLayers = layers.filter(isStreetLayer).map((layer) => layer.id);
    // Above land, water and buildings (the last area fill), below the streets drawn over them.
    const lastFill = layers.findLastIndex((layer) => layer.type === "fill" && !isStreetLayer(layer));
    basemaps.set(map, {
      streetLayers,
      firstStreetLayer: layers.find((layer, index) => index > lastFill && isStreetLayer(layer))?.id,
      firstLabelLayer: layers.find((layer) => layer.type === "symbol")?.id,
    });
  });
  // What the basemap drew, for the browser tests and anyone inspecting the page.
  map.on("idle", () => {
    container.dataset.zoom = map.getZoom().toFixed(1);
    const streetLayers = basemaps.get(map)?.streetLayers ?? [];
    if (streetLayers.length > 0)
      container.dataset.basemapStreets = String(map.queryRenderedFeatures({ layers: streetLayers }).length);
  });
  return map;
}

/** Runs `apply` now if the map's district layers are drawn, else once they are (on "load"). */
export function whenLoaded(map: MapLibreMap, apply: () => void) {
  if (map.getLayer("districts-fill")) apply();
  else map.once("load", apply);
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
  const anchors = districtLayerAnchors(map);
  map.addSource("districts", { type: "geojson", data: geometries });
  map.addLayer(
    {
      id: "districts-fill",
      type: "fill",
      source: "districts",
      // Over a basemap the streets must show through; without one the white sets the areas apart.
      paint: { "fill-color": "#ffffff", "fill-opacity": hasBasemap(map) ? 0.25 : 0.7 },
    },
    anchors.fill,
  );
  map.addLayer(
    {
      id: "districts-line",
      type: "line",
      source: "districts",
      paint: { "line-color": "#4a4a4a", "line-width": hasBasemap(map) ? 1.2 : 0.8 },
    },
    anchors.line,
  );
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
