import type { inferRouterOutputs } from "@trpc/server";
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import type { AppRouter } from "../../../../server/router.ts";
import type { ReportCategory } from "../../../../shared/field.ts";
import type { DistrictGeometries } from "../../components/map/place-field.tsx";
import { PhotoView } from "../../components/ui/photo-view.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import "../reports/reports.css";
import { useInstantFormat } from "../reports/use-instant-format.ts";

// maplibre is large: it loads in its own chunk, and only for cards on screen.
const ReportPointMap = lazy(() => import("../../components/map/report-point-map.tsx"));

export type QueueReport = inferRouterOutputs<AppRouter>["reports"]["queue"][number];

/** Mounts its children only while on screen, so a long queue holds a handful of maps, not hundreds. */
function WhenVisible({ children, placeholderClass }: { children: ReactNode; placeholderClass: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isVisible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return setVisible(true);
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? false), {
      rootMargin: "200px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref}>{isVisible ? children : <div className={placeholderClass} />}</div>;
}

/** One report in the queue: what, who (organisation), where (area, place, small map), when. */
export function ReviewCard({
  report,
  geometries,
  children,
}: {
  report: QueueReport;
  geometries: DistrictGeometries | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const instant = useInstantFormat();
  const category = t(`reportCategory.${report.category as ReportCategory}`);
  const from =
    report.kind === "citizen" ? t("review.public") : (report.organizationName ?? t("review.noOrganization"));
  const place = [report.placeName, report.areaName].filter(Boolean).join(", ") || "–";
  return (
    <article
      className="review-card"
      data-testid="review-item"
      data-kind={report.kind}
      data-status={report.status}
      aria-labelledby={`review-${report.id}`}
    >
      <h3 id={`review-${report.id}`}>
        {category} · {report.areaName ?? "–"}
      </h3>
      <div className="review-card-body">
        <div>
          <dl className="review-facts">
            <dt>{t("review.organization")}</dt>
            <dd data-testid="review-organization">
              {from} ({t(report.kind === "citizen" ? "review.fromCitizen" : "review.fromPartner")})
            </dd>
            <dt>{t("review.place")}</dt>
            <dd data-testid="review-place">{place}</dd>
          </dl>
          <p className="small muted">{t("review.reportedAt", { date: instant(report.occurredAt) })}</p>
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
        </div>
        {geometries ? (
          <WhenVisible placeholderClass="review-mini-map">
            <Suspense fallback={<div className="review-mini-map" />}>
              <ReportPointMap
                geometries={geometries}
                point={[report.lon, report.lat]}
                label={t("review.mapLabel", { area: report.areaName ?? "–" })}
              />
            </Suspense>
          </WhenVisible>
        ) : null}
      </div>
      {children}
    </article>
  );
}
