import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useParams } from "react-router";
import { toLocalDate } from "../../../../shared/calendar.ts";
import type { FindingCategory, FindingStatus } from "../../../../shared/field.ts";
import { routeLengthKm } from "../../../../shared/geo.ts";
import { PhotoView } from "../../components/ui/photo-view.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * The walk's protocol, made to print: who walked, every finding, what happens to it, its status.
 * Titled by area and day ("Trygghetsvandring Mjälga-Centrum, 12 november 2026"), which is also the
 * document's title and so the name a browser offers for the PDF.
 */
export function WalkProtocolPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { walkId = "" } = useParams();
  const trpc = useTRPC();
  const walk = useQuery(trpc.walks.get.queryOptions({ walkId }));
  const findings = useQuery(trpc.walks.findings.queryOptions({ walkId }));
  const title = walk.data
    ? t("walks.protocolTitle", {
        area: walk.data.areaName ?? walk.data.meetingPlace,
        date: formatDate(toLocalDate(new Date(walk.data.startsAt)), {
          day: "numeric",
          month: "long",
          year: "numeric",
        }),
      })
    : null;
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
  if (!walk.data || !findings.data) return <p className="muted">{t("panel.loading")}</p>;
  // Days in the workspace's time zone: a walk late in the evening is not dated the next day.
  const date = (value: string) =>
    formatDate(value.length === 10 ? value : toLocalDate(new Date(value)), {
      day: "numeric",
      month: "short",
      year: "numeric",
    });
  return (
    <article className="protocol" data-testid="walk-protocol">
      <h1>{title}</h1>
      {walk.data.meetingPlace && walk.data.areaName ? (
        <p className="muted">{walk.data.meetingPlace}</p>
      ) : null}
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t("walks.print")}
      </button>
      <dl className="facts">
        <dt>{t("walks.when")}</dt>
        <dd>{date(walk.data.startsAt)}</dd>
        <dt>{t("walks.area")}</dt>
        <dd>{walk.data.areaName ?? "–"}</dd>
        <dt>{t("walks.organizers")}</dt>
        <dd>{walk.data.organizers || "–"}</dd>
        <dt>{t("walks.participants")}</dt>
        <dd>
          {Object.entries(walk.data.participants)
            .map(([group, count]) => `${t(`walks.group.${group as "boende"}`)} ${count}`)
            .join(", ") || "–"}
        </dd>
        <dt>{t("walks.stops")}</dt>
        <dd>{walk.data.stops.join(" → ") || "–"}</dd>
        <dt>{t("walks.route")}</dt>
        <dd data-testid="protocol-route">
          {walk.data.route
            ? t("route.summary", {
                points: walk.data.route.coordinates.length,
                km: formatNumber(routeLengthKm(walk.data.route.coordinates), 2),
              })
            : "–"}
        </dd>
      </dl>
      <h2>{t("findings.title", { count: findings.data.length })}</h2>
      <ol className="protocol-findings">
        {findings.data.map((finding) => (
          <li key={finding.id} data-status={finding.status} data-restricted={finding.isRestricted}>
            <h3>
              {t(`findingCategory.${finding.category as FindingCategory}`)} · {finding.areaName ?? "–"} ·{" "}
              {t(`findingStatus.${finding.status as FindingStatus}`)}
            </h3>
            {/* Another organisation's finding comes without free text and photos: say so instead of a blank. */}
            {finding.isRestricted ? (
              <p className="muted" data-testid="protocol-restricted">
                {t("findings.restrictedDetail")}
              </p>
            ) : (
              <p>{finding.description}</p>
            )}
            <p className="small">
              {t("findings.owner")}: {finding.owner ?? "–"} · {t("findings.dueOn")}:{" "}
              {finding.dueOn ? date(finding.dueOn) : "–"} · {t("findings.severity")}:{" "}
              {t(`findings.severity.${finding.severity as 1 | 2 | 3}`)}
            </p>
            {finding.photoIds.map((id) => (
              <PhotoView key={id} photoId={id} alt={finding.description} />
            ))}
            <ul className="small">
              {finding.history.map((change) => (
                <li key={change.at}>
                  {date(change.at)}: {t(`findingStatus.${change.to as FindingStatus}`)}
                  {change.by ? ` (${change.by})` : ""}
                  {change.reason ? ` – ${change.reason}` : ""}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}
