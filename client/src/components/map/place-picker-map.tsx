import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { Marker } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { addDistrictLayers, drawRoute } from "./area-map.ts";
import { useAreaMap } from "./use-area-map.ts";

export type Point = [number, number];
type Props = {
  geometries: FeatureCollection<Polygon | MultiPolygon, { code: string | null; name: string }>;
  value: Point | null;
  onChange(point: Point): void;
  label: string;
  /** Points already recorded (for example a walk's findings), drawn as small dots. */
  others?: Point[];
  /** A walk's planned route, drawn as a line under the points. */
  route?: Point[];
};

/**
 * Tap or click the map to place a point; the districts are drawn so people can see where they
 * are. Works offline (no tiles). Keyboard users get a district list beside it (see the forms).
 */
export default function PlacePickerMap({
  geometries,
  value,
  onChange,
  label,
  others = [],
  route = [],
}: Props) {
  const markerRef = useRef<Marker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const othersRef = useRef<Marker[]>([]);
  const routeRef = useRef(route);
  routeRef.current = route;

  const { containerRef, mapRef } = useAreaMap(geometries, { padding: 12 }, (map, container) => {
    map.on("load", () => {
      addDistrictLayers(map, geometries);
      if (routeRef.current.length > 0) drawRoute(map, routeRef.current);
      container.dataset.ready = "true";
    });
    map.on("click", (event) => onChangeRef.current([event.lngLat.lng, event.lngLat.lat]));
    return undefined;
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    markerRef.current?.remove();
    markerRef.current = value ? new Marker({ color: "#a40e26" }).setLngLat(value).addTo(map) : null;
    if (containerRef.current)
      containerRef.current.dataset.point = value ? value.map((n) => n.toFixed(5)).join(",") : "";
  }, [value]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const marker of othersRef.current) marker.remove();
    othersRef.current = others.map((point) => {
      const element = document.createElement("span");
      element.className = "map-dot";
      element.setAttribute("aria-hidden", "true");
      return new Marker({ element }).setLngLat(point).addTo(map);
    });
  }, [others]);

  return (
    <section ref={containerRef} className="place-picker" aria-label={label} data-testid="place-picker" />
  );
}
