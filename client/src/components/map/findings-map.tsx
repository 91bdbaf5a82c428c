import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from "geojson";
import type { GeoJSONSource } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { addDistrictLayers } from "./area-map.ts";
import { STATUS_COLORS } from "./finding-colors.ts";
import { useAreaMap } from "./use-area-map.ts";

type Finding = { lon: number; lat: number; status: string; severity: number };

/** The filtered findings on the districts, coloured by status, larger when more severe. */
export default function FindingsMap({
  geometries,
  findings,
  label,
}: {
  geometries: FeatureCollection<Polygon | MultiPolygon, GeoJsonProperties>;
  findings: Finding[];
  label: string;
}) {
  const data = {
    type: "FeatureCollection" as const,
    features: findings.map((finding, index) => ({
      type: "Feature" as const,
      id: index,
      properties: { status: finding.status, severity: finding.severity },
      geometry: { type: "Point" as const, coordinates: [finding.lon, finding.lat] },
    })),
  };
  const dataRef = useRef(data);
  dataRef.current = data;

  const { containerRef, mapRef } = useAreaMap(geometries, { padding: 12 }, (map, container) => {
    map.on("load", () => {
      addDistrictLayers(map, geometries);
      map.addSource("findings", { type: "geojson", data: dataRef.current });
      map.addLayer({
        id: "findings",
        type: "circle",
        source: "findings",
        paint: {
          "circle-color": [
            "match",
            ["get", "status"],
            ...Object.entries(STATUS_COLORS).flat(),
            "#000",
          ] as never,
          "circle-radius": ["+", 4, ["*", 2, ["get", "severity"]]],
          "circle-stroke-color": "#fff",
          "circle-stroke-width": 1.5,
        },
      });
      container.dataset.ready = "true";
    });
    map.on("idle", () => {
      if (map.getLayer("findings"))
        container.dataset.renderedFindings = String(
          map.queryRenderedFeatures({ layers: ["findings"] }).length,
        );
    });
    return undefined;
  });

  useEffect(() => {
    (mapRef.current?.getSource("findings") as GeoJSONSource | undefined)?.setData(data);
  });

  return (
    <section ref={containerRef} className="place-picker" aria-label={label} data-testid="findings-map" />
  );
}
