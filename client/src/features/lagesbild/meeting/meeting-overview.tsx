import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { StatusMapBlock } from "../sections/status-map-block.tsx";

/** Översikt: the oro-karta at full width and the period's totals. */
export function MeetingOverview({
  content,
  styleUrl,
}: {
  content: LagesbildContent;
  styleUrl: string | null;
}) {
  const { t, formatNumber } = useI18n();
  const { total } = content.figures;
  const change = total.count - total.previousCount;
  return (
    <div className="meeting-overview">
      <dl className="meeting-totals" data-testid="meeting-totals">
        <div>
          <dt>{t("meeting.totalCount")}</dt>
          <dd>
            {formatNumber(total.count)}
            <span className="meeting-change">
              {t("meeting.comparedPrevious", { change: `${change > 0 ? "+" : ""}${formatNumber(change)}` })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("col.findings")}</dt>
          <dd>{formatNumber(total.findings)}</dd>
        </div>
        <div>
          <dt>{t("lagesbild.openFindings")}</dt>
          <dd>{formatNumber(total.openFindings)}</dd>
        </div>
        <div>
          <dt>{t("col.reports")}</dt>
          <dd>{formatNumber(total.reports)}</dd>
        </div>
      </dl>
      <StatusMapBlock content={content} styleUrl={styleUrl} mapClassName="meeting-map" />
    </div>
  );
}
