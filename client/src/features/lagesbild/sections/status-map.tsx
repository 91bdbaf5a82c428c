import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { type GeoJSONSource, Popup } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { addDistrictLayers, mapImage } from "../../../components/map/area-map.ts";
import { useAreaMap } from "../../../components/map/use-area-map.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { levelLabel, NO_STATUS_COLOR } from "./level-badge.tsx";

type DistrictProperties = { areaId: string; code: string | null; name: string };
export type DistrictGeometries = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

export type StatusMapProps = {
  geometries: DistrictGeometries;
  content: LagesbildContent;
  /** The style to start from; by default the workspace's. */
  styleUrl?: string | null;
  /** "image": once drawn, the map is replaced by a picture of it, which prints (a WebGL canvas does not). */
  renderAs?: "map" | "image";
  className?: string;
  /** Called once the districts are drawn; with "image", once the picture has loaded (the print page waits for it). */
  onReady?: () => void;
};

/** The "oro-karta": each district in its status level's colour; districts outside the lägesbild faded. */
export default function StatusMap({
  geometries,
  content,
  styleUrl,
  renderAs = "map",
  className,
  onReady,
}: StatusMapProps) {
  const i18n = useI18n();
  const [image, setImage] = useState<string | null>(null);
  const isForImage = renderAs === "image";
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const inScope = useMemo(() => new Set(content.figures.districts.map((d) => d.areaId)), [content]);
  const data = useMemo(() => {
    const status = new Map(content.statuses.map((s) => [s.areaId, s]));
    const levels = new Map(content.levels.map((level) => [level.key, level]));
    return {
      ...geometries,
      features: geometries.features.map((feature) => {
        const areaStatus = status.get(feature.properties.areaId);
        const level = areaStatus ? levels.get(areaStatus.level) : undefined;
        return {
          ...feature,
          properties: {
            ...feature.properties,
            inScope: inScope.has(feature.properties.areaId),
            color: level?.color ?? NO_STATUS_COLOR,
            levelLabel: level ? levelLabel(level, i18n.locale) : i18n.t("lagesbild.noStatus"),
            justification: areaStatus?.justification ?? "",
          },
        };
      }),
    };
  }, [geometries, content, inScope, i18n]);
  const dataRef = useRef(data);
  dataRef.current = data;

  // Fitted to the lägesbild's own districts when it covers only some.
  const fitted = useMemo(() => {
    const shown = {
      ...geometries,
      features: geometries.features.filter((f) => inScope.has(f.properties.areaId)),
    };
    return shown.features.length > 0 ? shown : geometries;
  }, [geometries, inScope]);

  const { containerRef, mapRef } = useAreaMap(
    fitted,
    { styleUrl, padding: 16, isForImage },
    (map, container, remove) => {
      const popup = new Popup({ closeButton: false, closeOnClick: false, className: "map-tooltip" });
      map.on("load", () => {
        addDistrictLayers(map, dataRef.current);
        map.setPaintProperty("districts-fill", "fill-color", ["get", "color"]);
        map.setPaintProperty("districts-fill", "fill-opacity", ["case", ["get", "inScope"], 0.9, 0.25]);
      });
      map.on("mousemove", "districts-fill", (event) => {
        const properties = event.features?.[0]?.properties;
        if (!properties) return;
        const box = document.createElement("div");
        const name = document.createElement("strong");
        name.textContent = String(properties.name);
        const level = document.createElement("div");
        level.textContent = String(properties.levelLabel);
        box.append(name, level);
        if (properties.justification) {
          const why = document.createElement("div");
          why.textContent = String(properties.justification);
          box.append(why);
        }
        popup.setLngLat(event.lngLat).setDOMContent(box).addTo(map);
      });
      map.on("mouseleave", "districts-fill", () => popup.remove());
      map.on("idle", () => {
        if (!map.getLayer("districts-fill")) return;
        const rendered = map.queryRenderedFeatures({ layers: ["districts-fill"] });
        const ids = (features: typeof rendered) => new Set(features.map((f) => f.properties?.areaId)).size;
        container.dataset.renderedDistricts = String(ids(rendered));
        container.dataset.colouredDistricts = String(
          ids(rendered.filter((f) => f.properties?.color !== NO_STATUS_COLOR)),
        );
        if (!isForImage) {
          onReadyRef.current?.();
          return;
        }
        // The picture is taken once; the live map is then no longer needed.
        setImage(mapImage(map));
        setTimeout(remove, 0);
      });
      return () => popup.remove();
    },
  );

  useEffect(() => {
    const source = mapRef.current?.getSource("districts") as GeoJSONSource | undefined;
    source?.setData(data);
  }, [data]);

  if (image)
    return (
      <img
        className={`district-map-image ${className ?? ""}`}
        src={image}
        alt={i18n.t("lagesbild.mapLabel")}
        data-testid="status-map-image"
        onLoad={() => onReadyRef.current?.()}
      />
    );
  return (
    <section
      ref={containerRef}
      className={`district-map ${className ?? ""}`}
      aria-label={i18n.t("lagesbild.mapLabel")}
      data-testid="status-map"
    />
  );
}
