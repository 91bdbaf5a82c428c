import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { LagesbildEditing } from "../lagesbild-editing.ts";
import { AreaStatusTable } from "./area-status-table.tsx";
import { StatusMapBlock } from "./status-map-block.tsx";

export type AreaStatusSectionProps = {
  content: LagesbildContent;
  edit?: LagesbildEditing | null;
  styleUrl?: string | null;
  /** "image" prints the map as a picture (the print page). */
  mapAs?: "map" | "image";
  /** Called once the map has drawn its districts (with "image", once its picture is in place). */
  onMapReady?: () => void;
};

/** Områdesstatus: the oro-karta and, per district, its figures and the meeting's status with its reasons. */
export function AreaStatusSection({ content, edit, styleUrl, mapAs, onMapReady }: AreaStatusSectionProps) {
  const { t } = useI18n();
  return (
    <Panel
      title={t("lagesbild.section.status")}
      titleId="lagesbild-status-title"
      isLoading={false}
      error={null}
      className="lagesbild-section"
    >
      <div className="lagesbild-status-grid">
        <StatusMapBlock content={content} styleUrl={styleUrl} renderAs={mapAs} onReady={onMapReady} />
        <AreaStatusTable content={content} edit={edit} />
      </div>
    </Panel>
  );
}
