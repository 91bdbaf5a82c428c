import { type Period, periodWeekNumbers } from "../../../../shared/calendar.ts";
import type { useI18n } from "../../i18n/i18n.tsx";

/** "v. 45–46 2026 (3–16 nov.)": ISO week numbers first, as EST meetings say them. */
export function periodLabel(period: Period, i18n: ReturnType<typeof useI18n>): string {
  const year = period.start.slice(0, 4);
  if (period.kind === "year") return year;
  if (period.kind === "quarter")
    return i18n.t("period.quarter", { quarter: Math.floor(Number(period.start.slice(5, 7)) / 3) + 1, year });
  if (period.kind === "month") return i18n.formatDate(period.start, { month: "long", year: "numeric" });
  const { year: isoYear, weeks } = periodWeekNumbers(period);
  const weekText = i18n.t("period.weeks", { weeks: weeks.join("–"), year: isoYear });
  return `${weekText} (${i18n.formatDate(period.start)} – ${i18n.formatDate(period.end)})`;
}
