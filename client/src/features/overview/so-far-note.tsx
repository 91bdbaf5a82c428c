import type { DateRange } from "../../../../shared/calendar.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { OverviewFilterState } from "./use-overview-filter.ts";

/** While the period runs: which days count, and that every comparison takes as many days. */
export function SoFarNote({ state, previous }: { state: OverviewFilterState; previous: DateRange | null }) {
  const { t, formatDate } = useI18n();
  if (state.isComplete) return null;
  return (
    <p className="notice so-far-note" data-testid="so-far-note">
      {t("overview.soFarNote", {
        start: formatDate(state.observed.start),
        end: formatDate(state.observed.end),
        periodEnd: formatDate(state.period.end),
      })}
      {previous
        ? ` ${t("overview.soFarPrevious", { start: formatDate(previous.start), end: formatDate(previous.end) })}`
        : null}
    </p>
  );
}
