import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../../server/router.ts";
import type { ReportCategory } from "../../../../shared/field.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import "./reports.css";
import { useInstantFormat } from "./use-instant-format.ts";

export type MyReport = inferRouterOutputs<AppRouter>["reports"]["mine"][number];

/** One of Mina rapporter: what, where, when, and where its review stands (with the reason of a no). */
export function MyReportCard({
  report,
  isHighlighted = false,
}: {
  report: MyReport;
  isHighlighted?: boolean;
}) {
  const { t } = useI18n();
  const instant = useInstantFormat();
  const place = [report.placeName, report.areaName].filter(Boolean).join(", ");
  return (
    <article
      className={`my-report${isHighlighted ? " my-report-highlighted" : ""}`}
      data-testid="my-report"
      data-status={report.status}
      aria-labelledby={`my-report-${report.id}`}
    >
      <header>
        <h3 id={`my-report-${report.id}`}>{t(`reportCategory.${report.category as ReportCategory}`)}</h3>
        <span className={`report-status report-status-${report.status}`} data-testid="my-report-status">
          {t(`myReports.status.${report.status}`)}
        </span>
      </header>
      <p className="small">
        {t("myReports.place")}: {place || "–"} ·{" "}
        {t("review.reportedAt", { date: instant(report.occurredAt) })}
      </p>
      <p className="my-report-text">{report.description}</p>
      {report.status === "rejected" && report.reviewReason ? (
        <p className="small">
          <strong>{t("myReports.reason")}:</strong> {report.reviewReason}
        </p>
      ) : null}
      <p className="small muted">
        {report.isOwn
          ? t("myReports.sentByYou")
          : t("myReports.sentBy", { name: report.reporterName ?? "–" })}
        {report.organizationName ? ` (${report.organizationName})` : ""} ·{" "}
        {t("myReports.sentAt", { date: instant(report.createdAt) })}
        {report.reviewedAt ? ` · ${t("myReports.decidedAt", { date: instant(report.reviewedAt) })}` : ""}
      </p>
    </article>
  );
}
