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
 * The one way a feature gets a map: created in the returned container over the areas (fitted to
 * them), with the workspace's basemap, and removed with everything `setup` added when the areas or
 * the style change or the component goes. `setup` runs once per map (add layers on its "load"
 * event, wire events); it may return its own cleanup. It also gets `remove`, for a map that is done
 * before its component (one replaced by a picture of it): the same cleanup, once. The latest
 * `setup` is used, so it need not be memoised.
 */
export function useAreaMap<T extends HTMLElement = HTMLElement>(
  geometries: FeatureCollection<Polygon | MultiPolygon, unknown>,
  options: Options,
  setup: (map: MapLibreMap, container: T, remove: () => void) => (() => void) | undefined,
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
    let cleanup: (() => void) | undefined;
    let isRemoved = false;
    const remove = () => {
      if (isRemoved) return;
      isRemoved = true;
      cleanup?.();
      map.remove();
      if (mapRef.current === map) mapRef.current = null;
    };
    cleanup = setupRef.current(map, container, remove);
    return remove;
  }, [geometries, styleUrl, padding, isForImage]);

  return { containerRef, mapRef };
}
