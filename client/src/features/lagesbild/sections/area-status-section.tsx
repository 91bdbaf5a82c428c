import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import type { LagesbildEditing } from "../lagesbild-editing.ts";
import { AreaStatusTable } from "./area-status-table.tsx";
import { StatusLegend } from "./level-badge.tsx";

// maplibre loads in its own chunk while the rest of the document renders.
const StatusMap = lazy(() => import("./status-map.tsx"));

export type AreaStatusSectionProps = {
  content: LagesbildContent;
  edit?: LagesbildEditing | null;
  styleUrl?: string | null;
  /** Called once the map has drawn its districts. */
  onMapReady?: () => void;
};

/** Områdesstatus: the oro-karta and, per district, its figures and the meeting's status with its reasons. */
export function AreaStatusSection({ content, edit, styleUrl, onMapReady }: AreaStatusSectionProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  return (
    <Panel
      title={t("lagesbild.section.status")}
      titleId="lagesbild-status-title"
      isLoading={false}
      error={null}
      className="lagesbild-section"
    >
      <div className="lagesbild-status-grid">
        <div className="status-map-block">
          {geometries.error ? (
            <ErrorMessage error={geometries.error} />
          ) : geometries.data ? (
            <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
              <StatusMap
                geometries={geometries.data}
                content={content}
                styleUrl={styleUrl}
                onReady={onMapReady}
              />
            </Suspense>
          ) : (
            <p className="muted">{t("panel.loading")}</p>
          )}
          <StatusLegend levels={content.levels} />
          <p className="muted small no-print">{t("lagesbild.mapHint")}</p>
        </div>
        <AreaStatusTable content={content} edit={edit} />
      </div>
    </Panel>
  );
}
