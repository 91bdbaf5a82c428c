import { EFFECT_SETTINGS } from "../../../../../shared/effect.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../../trpc.ts";
import { EffectChart } from "./effect-chart.tsx";

type EffectAnswer = RouterOutputs["lagesbild"]["effect"];

const DATE = { day: "numeric", month: "short", year: "numeric" } as const;

/** The server's estimate laid out: the sentence, the windows, the counts and the ratio's chart. */
export function EffectResult({ result }: { result: EffectAnswer }) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  if (!result.windows || !result.effect) {
    const reason =
      result.reason === "not_started"
        ? t("effect.notStarted")
        : t("effect.tooShort", { days: EFFECT_SETTINGS.minimumDays });
    return (
      <p className="effect-text" data-testid="effect-text">
        {reason}
      </p>
    );
  }
  const { windows, effect } = result;
  const range = (dates: { start: string; end: string }) =>
    `${formatDate(dates.start, DATE)} – ${formatDate(dates.end, DATE)}`;
  const hasComparison = effect.counts.comparisonBefore != null && effect.counts.comparisonAfter != null;
  return (
    <div className="effect-result" data-verdict={effect.verdict}>
      <p className="effect-text" data-testid="effect-text">
        {locale === "sv" ? result.textSv : result.textEn}
      </p>
      {effect.ratio !== null ? <EffectChart ratio={effect.ratio} interval={effect.interval} /> : null}
      <p className="small muted">
        {t("effect.windows", {
          before: range(windows.before),
          after: range(windows.after),
          days: formatNumber(windows.days),
        })}
        {windows.isCapped ? ` ${t("effect.capped", { days: formatNumber(windows.days) })}` : ""}
      </p>
      <table className="data-table effect-counts">
        <caption>{t("effect.counts")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("effect.area")}</th>
            <th scope="col" className="numeric">
              {t("effect.before")}
            </th>
            <th scope="col" className="numeric">
              {t("effect.after")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("effect.ownArea")}</th>
            <td className="numeric">{formatNumber(effect.counts.before)}</td>
            <td className="numeric">{formatNumber(effect.counts.after)}</td>
          </tr>
          {hasComparison ? (
            <tr>
              <th scope="row">{t("effect.comparisonArea")}</th>
              <td className="numeric">{formatNumber(effect.counts.comparisonBefore ?? 0)}</td>
              <td className="numeric">{formatNumber(effect.counts.comparisonAfter ?? 0)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
