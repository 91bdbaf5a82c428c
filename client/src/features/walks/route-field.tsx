import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { routeLengthKm } from "../../../../shared/geo.ts";
import type { Point } from "../../components/map/place-picker-map.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

// maplibre is large: it loads in its own chunk.
const RouteMap = lazy(() => import("../../components/map/route-map.tsx"));

/** The walk's route, tapped point by point on the map; the stops list is the keyboard's way. */
export function RouteField({ route, onChange }: { route: Point[]; onChange(route: Point[]): void }) {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  return (
    <fieldset className="place-field">
      <legend>{t("route.legend")}</legend>
      <p className="muted small form-hint">{t("route.hint")}</p>
      {geometries.data ? (
        <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
          <RouteMap
            geometries={geometries.data}
            route={route}
            onAdd={(point) => onChange([...route, point])}
            label={t("route.map")}
          />
        </Suspense>
      ) : null}
      <p role="status" data-testid="route-status">
        {route.length === 0
          ? t("route.empty")
          : t("route.summary", { points: route.length, km: formatNumber(routeLengthKm(route), 2) })}
      </p>
      <div className="form-row">
        <button type="button" disabled={route.length === 0} onClick={() => onChange(route.slice(0, -1))}>
          {t("route.undo")}
        </button>
        <button type="button" disabled={route.length === 0} onClick={() => onChange([])}>
          {t("route.clear")}
        </button>
      </div>
    </fieldset>
  );
}
