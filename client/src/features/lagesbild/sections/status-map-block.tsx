import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef } from "react";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { StatusLegend } from "./level-badge.tsx";

// maplibre loads in its own chunk while the rest of the document renders.
const StatusMap = lazy(() => import("./status-map.tsx"));

export type StatusMapBlockProps = {
  content: LagesbildContent;
  styleUrl?: string | null;
  /** "image" swaps the drawn map for a picture of it, for printing. */
  renderAs?: "map" | "image";
  mapClassName?: string;
  /** Called once the map (or its picture) is in place, or at once when there is no map to draw. */
  onReady?: () => void;
};

/** The oro-karta with its legend, as the document, the print page and the meeting show it. */
export function StatusMapBlock({
  content,
  styleUrl,
  renderAs = "map",
  mapClassName,
  onReady,
}: StatusMapBlockProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  // Without boundaries (or when they cannot be read) there is nothing to wait for.
  const hasNoMap = Boolean(geometries.error) || geometries.data?.features.length === 0;
  useEffect(() => {
    if (hasNoMap) onReadyRef.current?.();
  }, [hasNoMap]);
  return (
    <div className="status-map-block">
      {geometries.error ? (
        <ErrorMessage error={geometries.error} />
      ) : !geometries.data ? (
        <p className="muted">{t("panel.loading")}</p>
      ) : geometries.data.features.length === 0 ? (
        <p className="muted">{t("lagesbild.noMap")}</p>
      ) : (
        <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
          <StatusMap
            geometries={geometries.data}
            content={content}
            styleUrl={styleUrl}
            renderAs={renderAs}
            className={mapClassName}
            onReady={onReady}
          />
        </Suspense>
      )}
      <StatusLegend levels={content.levels} />
      {renderAs === "map" ? <p className="muted small no-print">{t("lagesbild.mapHint")}</p> : null}
    </div>
  );
}
