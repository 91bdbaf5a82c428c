import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { LagesbildActions } from "./lagesbild-actions.tsx";
import { editingFor } from "./lagesbild-editing.ts";
import { LagesbildHeader } from "./lagesbild-header.tsx";
import { LiveChangesNotice } from "./live-changes-notice.tsx";
import { PublishControls } from "./publish-controls.tsx";
import { AreaStatusSection } from "./sections/area-status-section.tsx";
import { AssessmentSection } from "./sections/assessment-section.tsx";
import { ContributionsSection } from "./sections/contributions-section.tsx";
import { FiguresSection } from "./sections/figures-section.tsx";
import { InsatserSection } from "./sections/insatser-section.tsx";

/** The EST meeting's document for one period: status per area, assessment, contributions, figures, insatser. */
export function LagesbildPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const config = useQuery(trpc.system.config.queryOptions());
  const lagesbild = useQuery(trpc.lagesbild.get.queryOptions({ id }));
  const data = lagesbild.data;
  if (!data)
    return (
      <Panel
        title={t("lagesbild.title")}
        titleId="lagesbild-loading-title"
        isLoading={lagesbild.isPending}
        error={lagesbild.error}
        onRetry={() => void lagesbild.refetch()}
      >
        {null}
      </Panel>
    );
  const { permissions } = data;
  const edit = editingFor(data, workspace.organizations);
  const basePath = `/w/${workspace.slug}/lagesbild`;
  return (
    <article className="lagesbild" data-testid="lagesbild" data-status={data.status}>
      <LagesbildHeader lagesbild={data} basePath={basePath} />
      <LagesbildActions slug={workspace.slug} lagesbildId={data.id} periodStart={data.period.start} />
      {permissions.canEdit ? (
        <PublishControls lagesbildId={data.id} status={data.status} version={data.version} />
      ) : null}
      {data.liveChanges ? <LiveChangesNotice changes={data.liveChanges} /> : null}
      <AreaStatusSection
        content={data.content}
        edit={edit}
        styleUrl={workspace.basemapStyleUrl ?? config.data?.mapStyleUrl ?? null}
      />
      <AssessmentSection content={data.content} edit={edit} />
      <ContributionsSection content={data.content} edit={edit} />
      <FiguresSection content={data.content} />
      <InsatserSection content={data.content} edit={edit} />
    </article>
  );
}
