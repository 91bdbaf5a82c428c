import { type DateRange, type Period, periodWeekNumbers } from "../../../../shared/calendar.ts";
import type { useI18n } from "../../i18n/i18n.tsx";

type I18n = ReturnType<typeof useI18n>;

/** "v. 45–46 2026 (3–16 nov.)": ISO week numbers first, as EST meetings say them. */
export function periodLabel(period: Period, i18n: I18n): string {
  const year = period.start.slice(0, 4);
  if (period.kind === "year") return year;
  if (period.kind === "quarter")
    return i18n.t("period.quarter", { quarter: Math.floor(Number(period.start.slice(5, 7)) / 3) + 1, year });
  if (period.kind === "month") return i18n.formatDate(period.start, { month: "long", year: "numeric" });
  const { year: isoYear, weeks } = periodWeekNumbers(period);
  const weekText = i18n.t("period.weeks", { weeks: weeks.join("–"), year: isoYear });
  return `${weekText} (${i18n.formatDate(period.start)} – ${i18n.formatDate(period.end)})`;
}

/** "hittills, t.o.m. 1 dec": the mark every figure of a period still running carries. */
export function soFarLabel(observed: DateRange, i18n: I18n): string {
  return i18n.t("period.soFar", { date: i18n.formatDate(observed.end) });
}

/** The period's label, marked while it runs. */
export function periodLabelSoFar(
  state: { period: Period; observed: DateRange; isComplete: boolean },
  i18n: I18n,
): string {
  const label = periodLabel(state.period, i18n);
  return state.isComplete ? label : `${label}, ${soFarLabel(state.observed, i18n)}`;
}

/** "Mjälga-Centrum", "Romme och Kvarnsveden" or "4 områden": the chosen areas (or categories) by name. */
export function namesLabel(
  names: string[],
  i18n: I18n,
  countKey: "selection.areas" | "selection.categories",
) {
  if (names.length === 0) return null;
  if (names.length === 1) return names[0] ?? null;
  if (names.length === 2) return i18n.t("selection.pair", { first: names[0] ?? "", second: names[1] ?? "" });
  return i18n.t(countKey, { count: names.length });
}
