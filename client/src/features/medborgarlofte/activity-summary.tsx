import type { ReactNode } from "react";
import type { DateRange } from "../../../../shared/calendar.ts";
import {
  type ActivityProgress,
  type ActivityTarget,
  describeProgress,
  describeTarget,
} from "../../../../shared/medborgarlofte.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { ProgressMeter } from "./progress-meter.tsx";
import { ProgressStatusBadge } from "./progress-status.tsx";

export type ActivityBasics = {
  id: string;
  title: string;
  description: string;
  target: ActivityTarget;
  unit: string;
  period: DateRange;
  organizations: string[];
  progress: ActivityProgress;
};

/** An activity's target, who answers for it and how far it has come, in words and as a bar. */
export function ActivitySummary({ activity, children }: { activity: ActivityBasics; children?: ReactNode }) {
  const { t, locale, formatDate } = useI18n();
  const headingId = `activity-${activity.id}`;
  const date = (day: string) => formatDate(day, { day: "numeric", month: "short", year: "numeric" });
  return (
    <article className="lofte-activity" aria-labelledby={headingId} data-testid="lofte-activity">
      <header className="insats-header">
        <h4 id={headingId}>{activity.title}</h4>
        <ProgressStatusBadge status={activity.progress.status} />
      </header>
      {activity.description ? <p>{activity.description}</p> : null}
      <dl className="facts">
        <dt>{t("lofte.target")}</dt>
        <dd>{describeTarget(activity.target, activity.unit, locale)}</dd>
        <dt>{t("lofte.period")}</dt>
        <dd>
          {date(activity.period.start)}–{date(activity.period.end)}
        </dd>
        <dt>{t("lofte.responsible")}</dt>
        <dd>{activity.organizations.join(", ") || t("lofte.noOne")}</dd>
      </dl>
      <ProgressMeter progress={activity.progress} />
      <p data-testid="progress-text">
        {describeProgress(activity.progress, activity.unit, activity.period, locale)}
      </p>
      {children}
    </article>
  );
}
