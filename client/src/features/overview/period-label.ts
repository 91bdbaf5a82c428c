import { type Period, periodWeekNumbers } from "../../../../shared/calendar.ts";
import type { useI18n } from "../../i18n/i18n.tsx";

/** "v. 45–46 2026 (3–16 nov.)": ISO week numbers first, as EST meetings say them. */
export function periodLabel(period: Period, i18n: ReturnType<typeof useI18n>): string {
  const { year, weeks } = periodWeekNumbers(period);
  const weekText = i18n.t("period.weeks", { weeks: weeks.join("–"), year });
  return `${weekText} (${i18n.formatDate(period.start)} – ${i18n.formatDate(period.end)})`;
}
