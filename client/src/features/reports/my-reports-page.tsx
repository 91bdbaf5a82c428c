import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { MyReportCard } from "./my-report-card.tsx";

const STATUSES = ["all", "pending", "approved", "rejected"] as const;
type StatusFilter = (typeof STATUSES)[number];

/** Mina rapporter (decisions/024): the organisation's reports, or only one's own, with their review status. */
export function MyReportsPage() {
  const { t } = useI18n();
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const [scope, setScope] = useState<"organization" | "own">("organization");
  const [status, setStatus] = useState<StatusFilter>("all");
  const reports = useQuery(trpc.reports.mine.queryOptions({ scope }));
  const shown = (reports.data ?? []).filter((report) => status === "all" || report.status === status);
  return (
    <>
      <h1>{t("myReports.title")}</h1>
      <p className="muted">{t(scope === "own" ? "myReports.introOwn" : "myReports.intro")}</p>
      <p>
        <Link to={`/w/${slug}/rapportera`}>{t("myReports.new")}</Link>
      </p>
      <div className="my-reports-filters">
        <label>
          <span className="field-label">{t("myReports.scope")}</span>
          <select value={scope} onChange={(event) => setScope(event.target.value as typeof scope)}>
            <option value="organization">{t("myReports.scope.organization")}</option>
            <option value="own">{t("myReports.scope.own")}</option>
          </select>
        </label>
        <label>
          <span className="field-label">{t("myReports.filter")}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {option === "all" ? t("myReports.filter.all") : t(`myReports.status.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Panel
        title={t("myReports.count", { count: shown.length })}
        titleId="my-reports-title"
        isLoading={reports.isPending}
        error={reports.error}
      >
        {shown.length === 0 ? <p className="muted">{t("myReports.empty")}</p> : null}
        <div className="my-reports">
          {shown.map((report) => (
            <MyReportCard key={report.id} report={report} />
          ))}
        </div>
      </Panel>
    </>
  );
}

/** One report, where the form's confirmation links: for its reporter and its organisation. */
export function MyReportPage() {
  const { t } = useI18n();
  const { slug = "", reportId = "" } = useParams();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.mineOne.queryOptions({ reportId }));
  return (
    <>
      <h1>{t("myReports.oneTitle")}</h1>
      <p>
        <Link to={`/w/${slug}/mina-rapporter`}>{t("myReports.back")}</Link>
      </p>
      <Panel
        title={t("myReports.oneDetails")}
        titleId="my-report-title"
        isLoading={report.isPending}
        error={report.error}
      >
        {report.data ? <MyReportCard report={report.data} isHighlighted /> : null}
      </Panel>
    </>
  );
}
