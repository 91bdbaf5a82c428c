import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ReportCategory } from "../../../../shared/field.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { PhotoView } from "../../components/ui/photo-view.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** Granskning: reports from partners' staff and citizens wait here until an analyst decides. */
export function ReviewPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.reports.queue.queryOptions({ status: "pending" }));
  const review = useMutation(
    trpc.reports.review.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      {review.error ? <ErrorMessage error={review.error} /> : null}
      <Panel
        title={t("review.queue", { count: queue.data?.length ?? 0 })}
        titleId="review-queue-title"
        isLoading={queue.isPending}
        error={queue.error}
        isEmpty={queue.data?.length === 0}
      >
        {(queue.data ?? []).map((report) => (
          <article key={report.id} className="review-card" data-testid="review-item" data-kind={report.kind}>
            <h3>
              {t(`reportCategory.${report.category as ReportCategory}`)} · {report.areaName ?? "–"} ·{" "}
              {formatDate(report.occurredAt.slice(0, 10), { day: "numeric", month: "short" })}
            </h3>
            <p className="small muted">
              {t(report.kind === "citizen" ? "review.fromCitizen" : "review.fromPartner")}
            </p>
            <p>{report.description}</p>
            {report.createsInsecurity !== null ? (
              <p className="small">
                {t("review.createsInsecurity")}: {report.createsInsecurity ? t("review.yes") : t("review.no")}
                {report.assessment ? ` – ${report.assessment}` : ""}
              </p>
            ) : null}
            {report.contact ? (
              <p className="small">
                {t("review.contact")}: {report.contact}
              </p>
            ) : null}
            {report.photoIds.map((id) => (
              <PhotoView key={id} photoId={id} alt={t("review.photo")} />
            ))}
            <div className="form-row">
              <button
                type="button"
                className="primary"
                disabled={review.isPending}
                onClick={() => review.mutate({ reportId: report.id, decision: "approved" })}
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
                onClick={() =>
                  review.mutate({
                    reportId: report.id,
                    decision: "rejected",
                    reason: reasons[report.id] ?? "",
                  })
                }
              >
                {t("review.reject")}
              </button>
            </div>
          </article>
        ))}
      </Panel>
    </>
  );
}
