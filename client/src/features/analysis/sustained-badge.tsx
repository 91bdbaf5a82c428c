import { useId } from "react";
import { describeSustained, SUSTAINED_LABELS } from "../../../../shared/rising-over-time.ts";
import type { CompstatRow } from "../../../../shared/schemas/analysis.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** The sustained flag in words, with the change in plain words and its evidence on hover and keyboard focus. */
export function SustainedBadge({ sustained }: { sustained: CompstatRow["sustained"] }) {
  const { locale, t, formatNumber } = useI18n();
  const id = useId();
  const description = describeSustained(sustained, locale);
  const tested = sustained.windows.filter((window) => window.pValue !== null).length;
  const explanation =
    sustained.pValue === null
      ? description
      : t("compstat.sustainedExplained", {
          description,
          count: formatNumber(tested),
          p: sustained.pValue < 0.001 ? "< 0,001" : formatNumber(sustained.pValue, 3),
        });
  return (
    <button
      type="button"
      className={`rise-badge rise-${sustained.level}`}
      aria-describedby={id}
      data-level={sustained.level}
    >
      {SUSTAINED_LABELS[locale][sustained.level]}
      <span role="tooltip" id={id} className="tooltip">
        {explanation}
      </span>
    </button>
  );
}
