import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DownloadLink } from "../../../components/ui/download-link.tsx";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { download } from "../../../components/ui/export-buttons.tsx";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { useWorkspace } from "../../workspace/workspace-context.tsx";
import { ActionPlanTable } from "./action-plan-table.tsx";

/** The åtgärdsplan Lag (2023:196) asks for, on screen, as an Excel file and on paper. */
export function ActionPlanPage() {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const plan = useQuery(trpc.lagesbild.actionPlan.queryOptions());
  const xlsx = useMutation(trpc.lagesbild.actionPlanXlsx.mutationOptions({ onSuccess: download }));
  const basePath = `/w/${workspace.slug}/lagesbild`;
  const rows = plan.data ?? [];
  const problems = new Set(rows.map((row) => row.problem)).size;
  return (
    // The server's PDF route prints this page once the plan is on it.
    <div className="action-plan-page" data-print-ready={plan.isSuccess ? "true" : undefined}>
      <p className="page-links no-print">
        <Link to={basePath}>{t("lagesbild.allLagesbilder")}</Link>
        <Link to={`${basePath}/analys`}>{t("overTime.title")}</Link>
      </p>
      <h1>
        {t("actionPlan.title")}: {workspace.name}
      </h1>
      <p className="muted">{t("actionPlan.intro")}</p>
      <div className="print-toolbar no-print">
        <button type="button" disabled={xlsx.isPending} onClick={() => xlsx.mutate()}>
          {t("actionPlan.download")}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t("actionPlan.print")}
        </button>
        <DownloadLink
          href={`/api/w/${workspace.slug}/atgardsplan.pdf`}
          fileName={`atgardsplan-${workspace.slug}.pdf`}
        >
          {t("lagesbild.downloadPdf")}
        </DownloadLink>
        <span role="status" className="muted small">
          {xlsx.isPending ? t("actionPlan.downloading") : ""}
        </span>
        {xlsx.error ? <ErrorMessage error={xlsx.error} /> : null}
      </div>
      <Panel
        title={t("actionPlan.measures")}
        titleId="action-plan-title"
        isLoading={plan.isPending}
        error={plan.error}
        isEmpty={rows.length === 0}
        onRetry={() => void plan.refetch()}
      >
        <ActionPlanTable
          rows={rows}
          testId="action-plan"
          caption={t("actionPlan.caption", {
            insatser: formatNumber(rows.length),
            problems: formatNumber(problems),
          })}
        />
      </Panel>
    </div>
  );
}
