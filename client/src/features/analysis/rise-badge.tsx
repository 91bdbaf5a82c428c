import { useId } from "react";
import { RISE_LABELS, type RiseLevel } from "../../../../shared/rising.ts";
import type { CompstatRow } from "../../../../shared/schemas/analysis.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** The flag in words, with its evidence on hover and keyboard focus. */
export function RiseBadge({ row }: { row: CompstatRow }) {
  const { locale, t, formatNumber } = useI18n();
  const id = useId();
  const { flag } = row;
  const explanation =
    flag.level === "too_few"
      ? t("compstat.tooFewExplained", { expected: formatNumber(flag.expected, 1) })
      : t(flag.periods === 2 ? "compstat.flagExplainedTwo" : "compstat.flagExplained", {
          observed: formatNumber(flag.windowObserved),
          expected: formatNumber(flag.windowExpected, 1),
          p: flag.pValue === null ? "–" : flag.pValue < 0.001 ? "< 0,001" : formatNumber(flag.pValue, 3),
        });
  return (
    <button
      type="button"
      className={`rise-badge rise-${flag.level}`}
      aria-describedby={id}
      data-level={flag.level}
    >
      {RISE_LABELS[locale][flag.level]}
      <span role="tooltip" id={id} className="tooltip">
        {explanation}
      </span>
    </button>
  );
}

/** The flag in words where only its level is known (a published lägesbild keeps the level, not the test). */
export function RiseLevelBadge({ level }: { level: RiseLevel }) {
  const { locale } = useI18n();
  return (
    <span className={`rise-badge rise-${level}`} data-level={level}>
      {RISE_LABELS[locale][level]}
    </span>
  );
}
