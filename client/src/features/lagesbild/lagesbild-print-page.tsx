import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { LagesbildHeader } from "./lagesbild-header.tsx";
import { LiveChangesNotice } from "./live-changes-notice.tsx";
import { AreaStatusSection } from "./sections/area-status-section.tsx";
import { AssessmentSection } from "./sections/assessment-section.tsx";
import { ContributionsSection } from "./sections/contributions-section.tsx";
import { FiguresSection } from "./sections/figures-section.tsx";
import { InsatserSection } from "./sections/insatser-section.tsx";

/**
 * Utskrift: the whole lägesbild read-only, without the app's navigation, for the browser's print
 * and the server's PDF. `data-print-ready` turns true once the data and the map's picture are in place.
 */
export function LagesbildPrintPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const config = useQuery(trpc.system.config.queryOptions());
  const lagesbild = useQuery(trpc.lagesbild.get.queryOptions({ id }));
  const [isMapReady, setIsMapReady] = useState(false);
  // The map is drawn once, with the basemap the configuration names.
  const data = config.isPending ? undefined : lagesbild.data;
  const isReady = Boolean(data) && isMapReady;
  const documentPath = `/w/${workspace.slug}/lagesbild/${id}`;
  return (
    <main
      id="main"
      className="page lagesbild-print"
      data-print-ready={isReady ? "true" : "false"}
      data-testid="lagesbild-print"
    >
      <div className="print-toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!isReady}>
          {t("lagesbild.print")}
        </button>
        <Link to={documentPath}>{t("lagesbild.backToDocument")}</Link>
        <span className="muted small">{t("lagesbild.printHint")}</span>
      </div>
      {data ? (
        <article className="lagesbild" data-status={data.status}>
          <LagesbildHeader lagesbild={data} />
          {data.liveChanges ? <LiveChangesNotice changes={data.liveChanges} /> : null}
          <AreaStatusSection
            content={data.content}
            mapAs="image"
            styleUrl={workspace.basemapStyleUrl ?? config.data?.mapStyleUrl ?? null}
            onMapReady={() => setIsMapReady(true)}
          />
          <div className="print-new-page">
            <FiguresSection content={data.content} />
          </div>
          <AssessmentSection content={data.content} />
          <ContributionsSection content={data.content} />
          <div className="print-new-page">
            <InsatserSection content={data.content} />
          </div>
        </article>
      ) : (
        <Panel
          title={t("lagesbild.title")}
          titleId="lagesbild-print-loading-title"
          isLoading={lagesbild.isPending || config.isPending}
          error={lagesbild.error}
          onRetry={() => void lagesbild.refetch()}
        >
          {null}
        </Panel>
      )}
    </main>
  );
}
