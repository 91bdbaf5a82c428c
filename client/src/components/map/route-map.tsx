import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from "geojson";
import { useEffect, useRef } from "react";
import { addDistrictLayers, drawRoute } from "./area-map.ts";
import type { Point } from "./place-picker-map.tsx";
import { useAreaMap } from "./use-area-map.ts";

/** Tap the map point by point to draw a walk's route; the line follows the taps in order. */
export default function RouteMap({
  geometries,
  route,
  onAdd,
  label,
}: {
  geometries: FeatureCollection<Polygon | MultiPolygon, GeoJsonProperties>;
  route: Point[];
  onAdd(point: Point): void;
  label: string;
}) {
  const onAddRef = useRef(onAdd);
  onAddRef.current = onAdd;
  const routeRef = useRef(route);
  routeRef.current = route;
  const { containerRef, mapRef } = useAreaMap(geometries, { padding: 12 }, (map, container) => {
    map.on("load", () => {
      addDistrictLayers(map, geometries);
      drawRoute(map, routeRef.current);
      container.dataset.ready = "true";
    });
    map.on("click", (event) => onAddRef.current([event.lngLat.lng, event.lngLat.lat]));
    return undefined;
  });

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getLayer("districts-fill")) drawRoute(map, route);
    if (containerRef.current) containerRef.current.dataset.points = String(route.length);
  }, [route]);

  return <section ref={containerRef} className="place-picker" aria-label={label} data-testid="route-map" />;
}
