import type { Map as MapLibreMap } from "maplibre-gl";
import type { FieldLayer, FieldLayersOutput } from "../../../../shared/schemas/overview.ts";

/** One colour and one shape cue per layer; the legend and tooltips name them in words. */
export const FIELD_LAYER_STYLE: Record<FieldLayer, { color: string; layer: string }> = {
  findings: { color: "#c2410c", layer: "field-findings" },
  reports: { color: "#0f766e", layer: "field-reports" },
  themes: { color: "#7e22ce", layer: "field-themes" },
};
export const FIELD_MAP_LAYERS = Object.values(FIELD_LAYER_STYLE).map((style) => style.layer);

type Feature = {
  type: "Feature";
  id: number;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: Record<string, string | number>;
};
const collection = (features: Feature[]) => ({ type: "FeatureCollection" as const, features });
const point = (id: number, lon: number, lat: number, properties: Feature["properties"]): Feature => ({
  type: "Feature",
  id,
  geometry: { type: "Point", coordinates: [lon, lat] },
  properties,
});

/** The field layers as GeoJSON: findings and reports at their places, themes at district centres. */
export function fieldFeatures(data: FieldLayersOutput) {
  return {
    findings: collection(
      data.findings.map((finding, index) =>
        point(index, finding.lon, finding.lat, {
          layer: "findings",
          category: finding.category,
          status: finding.status,
          severity: finding.severity,
        }),
      ),
    ),
    reports: collection(
      data.reports.map((report, index) =>
        point(index, report.lon, report.lat, {
          layer: "reports",
          category: report.category,
          kind: report.kind,
          date: report.date,
        }),
      ),
    ),
    themes: collection(
      data.themes.map((district, index) =>
        point(index, district.lon, district.lat, {
          layer: "themes",
          name: district.name,
          total: district.mentions.reduce((sum, mention) => sum + mention.count, 0),
          mentions: JSON.stringify(district.mentions),
        }),
      ),
    ),
  };
}

/** Draws the chosen field layers above the districts and incidents, replacing what was drawn. */
export function applyFieldLayers(
  map: MapLibreMap,
  visible: readonly FieldLayer[],
  data: FieldLayersOutput | null,
) {
  const features = data ? fieldFeatures(data) : null;
  for (const [name, style] of Object.entries(FIELD_LAYER_STYLE) as [
    FieldLayer,
    { color: string; layer: string },
  ][]) {
    if (map.getLayer(style.layer)) map.removeLayer(style.layer);
    if (map.getSource(style.layer)) map.removeSource(style.layer);
    if (!features || !visible.includes(name)) continue;
    map.addSource(style.layer, { type: "geojson", data: features[name] });
    if (name === "themes") {
      // A ring around the district's centre, wider the more themes were raised about it.
      map.addLayer({
        id: style.layer,
        type: "circle",
        source: style.layer,
        paint: {
          "circle-color": "rgba(255,255,255,0.6)",
          "circle-radius": ["interpolate", ["linear"], ["get", "total"], 1, 10, 10, 24],
          "circle-stroke-color": style.color,
          "circle-stroke-width": 4,
        },
      });
      continue;
    }
    map.addLayer({
      id: style.layer,
      type: "circle",
      source: style.layer,
      paint: {
        "circle-color": style.color,
        "circle-radius": name === "findings" ? ["+", 4, ["*", 2, ["get", "severity"]]] : 7,
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": name === "findings" ? 1.5 : 3,
      },
    });
  }
}
