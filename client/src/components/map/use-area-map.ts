import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import { type RefObject, useEffect, useRef } from "react";
import { createAreaMap } from "./area-map.ts";
import { useBasemapStyleUrl } from "./use-basemap-style.ts";

type Options = {
  padding: number;
  /** The style to start from; by default the workspace's (useBasemapStyleUrl). */
  styleUrl?: string | null;
  isForImage?: boolean;
};

/**
 * The one way a feature gets a map: created in the returned container over the areas, with the
 * workspace's basemap, and removed with everything `setup` added when the areas or the style
 * change or the component goes. `setup` runs once per map (add layers on its "load" event, wire
 * events); it may return its own cleanup. The latest `setup` is used, so it need not be memoised.
 */
export function useAreaMap<T extends HTMLElement = HTMLElement>(
  geometries: FeatureCollection<Polygon | MultiPolygon, unknown>,
  options: Options,
  setup: (map: MapLibreMap, container: T) => (() => void) | undefined,
): { containerRef: RefObject<T | null>; mapRef: RefObject<MapLibreMap | null> } {
  const containerRef = useRef<T>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const workspaceStyleUrl = useBasemapStyleUrl();
  const styleUrl = options.styleUrl === undefined ? workspaceStyleUrl : options.styleUrl;
  const setupRef = useRef(setup);
  setupRef.current = setup;
  const { padding, isForImage } = options;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createAreaMap(container, geometries, { styleUrl, padding, isForImage });
    mapRef.current = map;
    const cleanup = setupRef.current(map, container);
    return () => {
      cleanup?.();
      map.remove();
      mapRef.current = null;
    };
  }, [geometries, styleUrl, padding, isForImage]);

  return { containerRef, mapRef };
}
