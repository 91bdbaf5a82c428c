import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { type Period, previousPeriod } from "../../../../shared/calendar.ts";
import { RISE_LABELS } from "../../../../shared/rising.ts";
import { describeSustained, SUSTAINED_LABELS } from "../../../../shared/rising-over-time.ts";
import type { CompstatInput } from "../../../../shared/schemas/analysis.ts";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { HelpButton } from "../help/help-button.tsx";
import { periodLabel } from "../overview/period-label.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/**
 * For leadership: the category × area pairs rising most clearly in the period, and those rising
 * over time against the same period last year, each a link into the filtered view.
 */
export function RisingNowPanel({
  filter,
  state,
}: {
  filter: CompstatInput;
  /** The period shown; while it runs, "Ökar nu" speaks of the one before (the server judges that one). */
  state: { period: Period; isComplete: boolean };
}) {
  const i18n = useI18n();
  const { t, locale, formatNumber } = i18n;
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const rising = useQuery(trpc.analysis.risingNow.queryOptions(filter));
  const overTime = useQuery(trpc.analysis.risingOverTime.queryOptions(filter));
  const linkTo = (categoryCode: string, areaCode: string | null) => {
    const params = new URLSearchParams(window.location.search);
    params.set("categories", categoryCode);
    if (areaCode) params.set("areas", areaCode);
    return `/w/${workspace.slug}/utveckling?${params.toString()}`;
  };
  const name = (pair: { categoryNameSv: string; categoryNameEn: string; areaName: string }) =>
    `${locale === "sv" ? pair.categoryNameSv : pair.categoryNameEn}, ${pair.areaName}`;
  return (
    <Panel
      title={t("rising.title")}
      titleId="rising-title"
      isLoading={rising.isPending || overTime.isPending}
      error={rising.error ?? overTime.error}
    >
      <h3 className="rising-heading">
        {t("rising.now")} <HelpButton entry="okar-nu" />
      </h3>
      {state.isComplete ? null : (
        <p className="muted small so-far-mark" data-testid="rising-judged-previous">
          {t("rising.judgedPrevious", { period: periodLabel(previousPeriod(state.period), i18n) })}
        </p>
      )}
      {rising.data && rising.data.length === 0 ? <p className="muted">{t("rising.none")}</p> : null}
      <ol className="rising-list" data-testid="rising-now">
        {(rising.data ?? []).map((pair) => (
          <li key={`${pair.categoryCode}-${pair.areaCode}`}>
            <Link to={linkTo(pair.categoryCode, pair.areaCode)}>{name(pair)}</Link>
            <span className={`rise-badge rise-${pair.level}`}>{RISE_LABELS[locale][pair.level]}</span>
            <span className="muted small">
              {t("rising.figures", {
                current: formatNumber(pair.current),
                expected: formatNumber(pair.expected, 1),
              })}
            </span>
          </li>
        ))}
      </ol>
      <h3 className="rising-heading">
        {t("rising.overTime")} <HelpButton entry="okar-over-tid" />
      </h3>
      {overTime.data && overTime.data.length === 0 ? (
        <p className="muted">{t("rising.overTimeNone")}</p>
      ) : null}
      <ol className="rising-list" data-testid="rising-over-time">
        {(overTime.data ?? []).map((pair) => (
          <li key={`${pair.categoryCode}-${pair.areaCode}`}>
            <Link to={linkTo(pair.categoryCode, pair.areaCode)}>{name(pair)}</Link>
            <span className={`rise-badge rise-${pair.level}`}>{SUSTAINED_LABELS[locale][pair.level]}</span>
            <span className="muted small">
              {describeSustained({ level: pair.level, window: pair.window }, locale)}
            </span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
