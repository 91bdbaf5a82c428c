import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { Marker } from "maplibre-gl";
import { addDistrictLayers } from "./area-map.ts";
import type { Point } from "./place-picker-map.tsx";
import { useAreaMap } from "./use-area-map.ts";

/**
 * A small, still map of one point among the districts (the review queue's cards): centred on the
 * point, close enough to see the block. Not interactive, so it is no keyboard stop; the card says
 * the place in words.
 */
export default function ReportPointMap({
  geometries,
  point,
  label,
}: {
  geometries: FeatureCollection<Polygon | MultiPolygon, unknown>;
  point: Point;
  label: string;
}) {
  const { containerRef } = useAreaMap<HTMLElement>(
    geometries,
    { padding: 4, isForImage: true },
    (map, container) => {
      const marker = new Marker({ color: "#a40e26" }).setLngLat(point);
      map.on("load", () => {
        addDistrictLayers(map, geometries as Parameters<typeof addDistrictLayers>[1]);
        map.jumpTo({ center: point, zoom: 14 });
        marker.addTo(map);
        container.dataset.ready = "true";
      });
      container.dataset.point = point.map((n) => n.toFixed(5)).join(",");
      return () => marker.remove();
    },
  );
  return (
    <figure ref={containerRef} className="review-mini-map" aria-label={label} data-testid="review-map" />
  );
}
