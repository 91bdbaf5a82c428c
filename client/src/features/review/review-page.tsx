import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ReportCategory } from "../../../../shared/field.ts";
import type { DistrictGeometries } from "../../components/map/place-field.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useInstantFormat } from "../reports/use-instant-format.ts";
import { type QueueReport, ReviewCard } from "./review-card.tsx";

type Notice = { reportId: string; text: string };

/**
 * Granskning: reports from partners' staff and citizens wait here until an analyst decides; the
 * latest decisions can be listed and, for a day, undone (decisions/024). A decision made here is
 * announced with an undo button, so a slip of the finger costs one click.
 */
export function ReviewPage() {
  const { t } = useI18n();
  const instant = useInstantFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<"pending" | "decided">("pending");
  const queue = useQuery(trpc.reports.queue.queryOptions({ status }));
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
  const review = useMutation(trpc.reports.review.mutationOptions({ onSettled: refresh }));
  const undo = useMutation(
    trpc.reports.undoReview.mutationOptions({
      onSuccess: () => setNotice({ reportId: "", text: t("review.undone") }),
      onSettled: refresh,
    }),
  );
  const describe = (report: QueueReport) =>
    `${t(`reportCategory.${report.category as ReportCategory}`)}, ${report.areaName ?? "–"}`;
  const decide = (report: QueueReport, decision: "approved" | "rejected") =>
    review.mutate(
      { reportId: report.id, decision, reason: decision === "rejected" ? (reasons[report.id] ?? "") : null },
      {
        onSuccess: () =>
          setNotice({
            reportId: report.id,
            text: t(decision === "approved" ? "review.approvedNotice" : "review.rejectedNotice", {
              report: describe(report),
            }),
          }),
      },
    );
  const reports = queue.data ?? [];
  const districts = geometries.data as DistrictGeometries | undefined;
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      <fieldset className="period-shortcuts">
        <legend className="field-label">{t("review.show")}</legend>
        <div>
          {(["pending", "decided"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={status === option}
              onClick={() => setStatus(option)}
            >
              {t(`review.show.${option}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite">
        {notice ? (
          <p role="status" className="success review-notice" data-testid="review-notice">
            {notice.text}
            {notice.reportId ? (
              <button
                type="button"
                disabled={undo.isPending}
                onClick={() => undo.mutate({ reportId: notice.reportId })}
              >
                {t("review.undo")}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      {review.error ? <ErrorMessage error={review.error} /> : null}
      {undo.error ? <ErrorMessage error={undo.error} /> : null}
      <Panel
        title={
          status === "pending"
            ? t("review.queue", { count: reports.length })
            : t("review.decidedTitle", { count: reports.length })
        }
        titleId="review-queue-title"
        isLoading={queue.isPending}
        error={queue.error}
        isEmpty={reports.length === 0}
      >
        <p className="small muted">{t("review.undoHint")}</p>
        {reports.map((report) => (
          <ReviewCard key={report.id} report={report} geometries={districts}>
            {report.status === "pending" ? (
              <div className="form-row">
                <button
                  type="button"
                  className="primary"
                  disabled={review.isPending}
                  onClick={() => decide(report, "approved")}
                >
                  {t("review.approve")}
                </button>
                <label>
                  <span className="field-label">{t("review.reason")}</span>
                  <input
                    value={reasons[report.id] ?? ""}
                    onChange={(event) => setReasons({ ...reasons, [report.id]: event.target.value })}
                  />
                </label>
                <button
                  type="button"
                  disabled={review.isPending || !(reasons[report.id] ?? "").trim()}
                  onClick={() => decide(report, "rejected")}
                >
                  {t("review.reject")}
                </button>
              </div>
            ) : (
              <div className="review-notice">
                <p className="small" data-testid="review-decision">
                  {t("review.decidedBy", {
                    decision: t(`review.decision.${report.status as "approved" | "rejected"}`),
                    name: report.reviewedByName ?? "–",
                    date: report.reviewedAt ? instant(report.reviewedAt) : "–",
                  })}
                  {report.reviewReason ? ` – ${report.reviewReason}` : ""}
                </p>
                {report.canUndo ? (
                  <button
                    type="button"
                    disabled={undo.isPending}
                    onClick={() => undo.mutate({ reportId: report.id })}
                  >
                    {t("review.undo")}
                  </button>
                ) : null}
              </div>
            )}
          </ReviewCard>
        ))}
      </Panel>
    </>
  );
}
