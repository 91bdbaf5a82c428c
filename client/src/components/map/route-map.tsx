import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from "geojson";
import { type Map as MapLibreMap, setWorkerUrl } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { addDistrictLayers, createAreaMap, drawRoute } from "./area-map.ts";
import type { Point } from "./place-picker-map.tsx";
import { useBasemapStyleUrl } from "./use-basemap-style.ts";

setWorkerUrl(workerUrl);

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
  const containerRef = useRef<HTMLElement>(null);
  const styleUrl = useBasemapStyleUrl();
  const mapRef = useRef<MapLibreMap | null>(null);
  const onAddRef = useRef(onAdd);
  onAddRef.current = onAdd;
  const routeRef = useRef(route);
  routeRef.current = route;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createAreaMap(container, geometries, { styleUrl, padding: 12 });
    mapRef.current = map;
    map.on("load", () => {
      addDistrictLayers(map, geometries);
      drawRoute(map, routeRef.current);
      container.dataset.ready = "true";
    });
    map.on("click", (event) => onAddRef.current([event.lngLat.lng, event.lngLat.lat]));
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [geometries, styleUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getLayer("districts-fill")) drawRoute(map, route);
    if (containerRef.current) containerRef.current.dataset.points = String(route.length);
  }, [route]);

  return <section ref={containerRef} className="place-picker" aria-label={label} data-testid="route-map" />;
}
