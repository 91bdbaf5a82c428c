import type { Map as MapLibreMap } from "maplibre-gl";
import type { IncidentPointsOutput } from "../../../../shared/schemas/overview.ts";

export const POINT_MODES = ["off", "points", "clusters", "heatmap"] as const;
export type PointMode = (typeof POINT_MODES)[number];

/** Colours by how precise a point is; the legend names them (colour is never the only cue). */
export const PRECISION_COLORS = {
  exact: "#0b3d91",
  area_centroid: "#6a3d9a",
  kommun_centroid: "#a83c00",
} as const;

const SOURCE = "incidents";
export const INCIDENT_LAYERS = ["incidents-heat", "incidents-clusters", "incidents-points"] as const;

function toGeoJson(points: IncidentPointsOutput["points"]) {
  return {
    type: "FeatureCollection" as const,
    features: points.map((point, index) => ({
      type: "Feature" as const,
      id: index,
      geometry: { type: "Point" as const, coordinates: [point.lon, point.lat] },
      properties: { count: point.count, precision: point.precision },
    })),
  };
}

/**
 * Draws the incidents (summed per location) as points, clusters or a heatmap above the districts.
 * The source is rebuilt on each change: clustering is fixed when a GeoJSON source is created.
 */
export function applyIncidentLayer(
  map: MapLibreMap,
  mode: PointMode,
  points: IncidentPointsOutput["points"],
) {
  for (const layer of INCIDENT_LAYERS) if (map.getLayer(layer)) map.removeLayer(layer);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  if (mode === "off" || points.length === 0) return;
  const max = Math.max(...points.map((point) => point.count));
  map.addSource(SOURCE, {
    type: "geojson",
    data: toGeoJson(points),
    ...(mode === "clusters"
      ? { cluster: true, clusterRadius: 36, clusterProperties: { total: ["+", ["get", "count"]] } }
      : {}),
  });
  if (mode === "heatmap") {
    map.addLayer({
      id: "incidents-heat",
      type: "heatmap",
      source: SOURCE,
      paint: {
        "heatmap-weight": ["interpolate", ["linear"], ["get", "count"], 0, 0, max, 1],
        "heatmap-radius": 28,
        "heatmap-opacity": 0.8,
      },
    });
    return;
  }
  if (mode === "clusters") {
    map.addLayer({
      id: "incidents-clusters",
      type: "circle",
      source: SOURCE,
      filter: ["has", "point_count"],
      paint: {
        "circle-color": "#1b1f24",
        "circle-opacity": 0.75,
        "circle-radius": [
          "interpolate",
          ["linear"],
          ["sqrt", ["get", "total"]],
          1,
          8,
          Math.sqrt(max * 10),
          30,
        ],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 2,
      },
    });
  }
  map.addLayer({
    id: "incidents-points",
    type: "circle",
    source: SOURCE,
    ...(mode === "clusters" ? { filter: ["!", ["has", "point_count"]] } : {}),
    paint: {
      "circle-color": [
        "match",
        ["get", "precision"],
        "exact",
        PRECISION_COLORS.exact,
        "area_centroid",
        PRECISION_COLORS.area_centroid,
        PRECISION_COLORS.kommun_centroid,
      ],
      "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "count"]], 1, 4, Math.sqrt(max), 22],
      "circle-opacity": 0.8,
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    },
  });
}
