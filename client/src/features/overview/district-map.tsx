import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { type GeoJSONSource, Marker, Popup } from "maplibre-gl";
import { useEffect, useMemo, useRef } from "react";
import type {
  DistrictStat,
  FieldLayer,
  FieldLayersOutput,
  IncidentPointsOutput,
} from "../../../../shared/schemas/overview.ts";
import { districtLayerAnchors, whenLoaded } from "../../components/map/area-map.ts";
import { useAreaMap } from "../../components/map/use-area-map.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  buildChoropleth,
  type Choropleth,
  fillColorExpression,
  type MapMetric,
  shortLabel,
} from "./choropleth.ts";
import { applyFieldLayers, FIELD_MAP_LAYERS } from "./field-layer.ts";
import { applyIncidentLayer, INCIDENT_LAYERS, type PointMode, PRECISION_COLORS } from "./incident-layer.ts";
import { FieldLegend, MapLegend } from "./map-legend.tsx";
import { fieldTooltip, pointTooltip, tooltipContent } from "./map-tooltips.ts";

type DistrictProperties = {
  areaId: string;
  code: string | null;
  name: string;
  isApproximate: boolean;
  centroid: [number, number] | null;
};
export type DistrictMapProps = {
  geometries: FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  stats: DistrictStat[];
  selectedCodes: string[];
  onToggle(code: string): void;
  styleUrl: string | null;
  metric: MapMetric;
  pointMode: PointMode;
  points: IncidentPointsOutput | null;
  fieldLayers: FieldLayer[];
  field: FieldLayersOutput | null;
  /** The so-far mark while the period runs (the legend carries it), else null. */
  soFar: string | null;
};

export default function DistrictMap({
  geometries,
  stats,
  selectedCodes,
  onToggle,
  styleUrl,
  metric,
  pointMode,
  points,
  fieldLayers,
  field,
  soFar,
}: DistrictMapProps) {
  const i18n = useI18n();
  const onToggleRef = useRef(onToggle);
  onToggleRef.current = onToggle;
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const statsByCode = useMemo(() => new Map(stats.map((row) => [row.code, row])), [stats]);
  const statsRef = useRef(statsByCode);
  statsRef.current = statsByCode;
  const choropleth: Choropleth = useMemo(
    () =>
      buildChoropleth(
        stats.map((row) => row[metric]),
        metric,
      ),
    [stats, metric],
  );
  const data = useMemo(
    () => ({
      ...geometries,
      features: geometries.features.map((feature) => ({
        ...feature,
        properties: {
          ...feature.properties,
          value: statsByCode.get(feature.properties.code)?.[metric] ?? null,
        },
      })),
    }),
    [geometries, statsByCode, metric],
  );

  const dataRef = useRef(data);
  dataRef.current = data;
  const choroplethRef = useRef(choropleth);
  choroplethRef.current = choropleth;

  const { containerRef, mapRef } = useAreaMap(geometries, { styleUrl, padding: 16 }, (map, container) => {
    const markers = geometries.features
      .filter((feature) => feature.properties.centroid)
      .map((feature) => {
        const element = document.createElement("span");
        element.className = "map-label";
        element.setAttribute("aria-hidden", "true");
        element.textContent = shortLabel(feature.properties.name);
        return new Marker({ element }).setLngLat(feature.properties.centroid as [number, number]).addTo(map);
      });
    const hideOverlappingLabels = () => {
      const placed: DOMRect[] = [];
      for (const marker of markers) {
        const element = marker.getElement();
        element.style.visibility = "visible";
        const box = element.getBoundingClientRect();
        const overlaps = placed.some(
          (other) =>
            box.left < other.right &&
            box.right > other.left &&
            box.top < other.bottom &&
            box.bottom > other.top,
        );
        if (overlaps) element.style.visibility = "hidden";
        else placed.push(box);
      }
    };
    const popup = new Popup({ closeButton: false, closeOnClick: false, className: "map-tooltip" });
    let hoveredCode: string | null = null;
    map.on("load", () => {
      // Under a basemap's streets and place names, so the areas' colours keep the streets readable.
      const anchors = districtLayerAnchors(map);
      map.addSource("districts", { type: "geojson", data: dataRef.current, promoteId: "code" });
      map.addLayer(
        {
          id: "districts-fill",
          type: "fill",
          source: "districts",
          paint: {
            "fill-color": fillColorExpression(choroplethRef.current) as never,
            "fill-opacity": ["case", ["boolean", ["feature-state", "dimmed"], false], 0.35, 0.85],
          },
        },
        anchors.fill,
      );
      map.addLayer(
        {
          id: "districts-line",
          type: "line",
          source: "districts",
          paint: {
            "line-color": ["case", ["boolean", ["feature-state", "selected"], false], "#0b3d91", "#4a4a4a"],
            "line-width": [
              "case",
              ["boolean", ["feature-state", "selected"], false],
              3,
              ["boolean", ["feature-state", "hover"], false],
              2,
              0.6,
            ],
          },
        },
        anchors.line,
      );
      hideOverlappingLabels();
    });
    map.on("moveend", hideOverlappingLabels);
    map.on("mousemove", "districts-fill", (event) => {
      const feature = event.features?.[0];
      const code = (feature?.properties?.code as string | undefined) ?? null;
      if (!feature || !code) return;
      map.getCanvas().style.cursor = "pointer";
      if (hoveredCode !== code) {
        if (hoveredCode) map.setFeatureState({ source: "districts", id: hoveredCode }, { hover: false });
        hoveredCode = code;
        map.setFeatureState({ source: "districts", id: code }, { hover: true });
      }
      popup
        .setLngLat(event.lngLat)
        .setDOMContent(
          tooltipContent(String(feature.properties?.name ?? ""), statsRef.current.get(code), i18nRef.current),
        )
        .addTo(map);
    });
    map.on("mouseleave", "districts-fill", () => {
      map.getCanvas().style.cursor = "";
      if (hoveredCode) map.setFeatureState({ source: "districts", id: hoveredCode }, { hover: false });
      hoveredCode = null;
      popup.remove();
    });
    const pointPopup = new Popup({ closeButton: false, closeOnClick: false, className: "map-tooltip" });
    for (const layer of ["incidents-points", "incidents-clusters"] as const) {
      map.on("mousemove", layer, (event) => {
        const properties = event.features?.[0]?.properties;
        if (!properties) return;
        pointPopup
          .setLngLat(event.lngLat)
          .setDOMContent(pointTooltip(properties as Record<string, unknown>, i18nRef.current))
          .addTo(map);
      });
      map.on("mouseleave", layer, () => pointPopup.remove());
    }
    for (const layer of FIELD_MAP_LAYERS) {
      map.on("mousemove", layer, (event) => {
        const properties = event.features?.[0]?.properties;
        if (!properties) return;
        pointPopup
          .setLngLat(event.lngLat)
          .setDOMContent(fieldTooltip(properties as Record<string, unknown>, i18nRef.current))
          .addTo(map);
      });
      map.on("mouseleave", layer, () => pointPopup.remove());
    }
    map.on("click", "districts-fill", (event) => {
      const code = event.features?.[0]?.properties?.code as string | undefined;
      if (code) onToggleRef.current(code);
    });
    // What is actually drawn, for the browser tests and for anyone inspecting the page.
    map.on("idle", () => {
      if (!map.getLayer("districts-fill")) return;
      const rendered = map.queryRenderedFeatures({ layers: ["districts-fill"] });
      const codes = new Set(rendered.map((feature) => String(feature.properties?.code)));
      const selected = new Set(
        rendered
          .filter((feature) => feature.state?.selected)
          .map((feature) => String(feature.properties?.code)),
      );
      container.dataset.renderedDistricts = String(codes.size);
      const incidentLayers = INCIDENT_LAYERS.filter((layer) => map.getLayer(layer));
      container.dataset.incidentLayers = incidentLayers.join(",");
      container.dataset.renderedIncidentFeatures = String(
        incidentLayers.length > 0 ? map.queryRenderedFeatures({ layers: [...incidentLayers] }).length : 0,
      );
      container.dataset.selectedDistricts = [...selected].sort().join(",");
      container.dataset.fieldFeatures = FIELD_MAP_LAYERS.filter((layer) => map.getLayer(layer))
        .map((layer) => `${layer}:${map.queryRenderedFeatures({ layers: [layer] }).length}`)
        .join(",");
    });
    return () => {
      popup.remove();
      pointPopup.remove();
    };
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      (map.getSource("districts") as GeoJSONSource | undefined)?.setData(data);
      map.setPaintProperty("districts-fill", "fill-color", fillColorExpression(choropleth) as never);
      for (const feature of geometries.features) {
        const code = feature.properties.code;
        if (!code) continue;
        const isSelected = selectedCodes.includes(code);
        map.setFeatureState(
          { source: "districts", id: code },
          { selected: isSelected, dimmed: selectedCodes.length > 0 && !isSelected },
        );
      }
    };
    whenLoaded(map, apply);
  }, [data, choropleth, selectedCodes, geometries]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    whenLoaded(map, () => applyIncidentLayer(map, pointMode, points?.points ?? []));
  }, [pointMode, points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    whenLoaded(map, () => applyFieldLayers(map, fieldLayers, field));
  }, [fieldLayers, field]);

  const isApproximate = geometries.features.some((feature) => feature.properties.isApproximate);
  return (
    <div className="map-wrapper">
      <section
        ref={containerRef}
        className="district-map"
        aria-label={i18n.t("overview.map")}
        data-testid="district-map"
      />
      <MapLegend choropleth={choropleth} metric={metric} soFar={soFar} />
      {pointMode !== "off" && points ? <PointsNote points={points} /> : null}
      {fieldLayers.length > 0 && field ? <FieldLegend layers={fieldLayers} data={field} /> : null}
      <p className="muted small">{i18n.t("overview.mapHint")}</p>
      {isApproximate ? <p className="notice small">{i18n.t("overview.approximate")}</p> : null}
    </div>
  );
}

/** What the points are: how many incidents sit on exact places and how many on centroids. */
function PointsNote({ points }: { points: IncidentPointsOutput }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="small points-note" data-testid="points-note">
      <p>{t("points.note")}</p>
      <ul className="plain-list">
        {(Object.keys(PRECISION_COLORS) as (keyof typeof PRECISION_COLORS)[]).map((precision) => (
          <li key={precision}>
            <span
              className="swatch round"
              style={{ background: PRECISION_COLORS[precision] }}
              aria-hidden="true"
            />{" "}
            {t(`points.precision.${precision}`)}: {formatNumber(points.byPrecision[precision])}
          </li>
        ))}
        <li>
          {t("points.withoutPoint")}: {formatNumber(points.withoutPoint)}
        </li>
      </ul>
      {points.truncated ? <p className="notice">{t("points.truncated")}</p> : null}
    </div>
  );
}
