import type { Period, PeriodKind } from "../../../../shared/calendar.ts";
import type { useI18n } from "../../i18n/i18n.tsx";
import { periodLabel } from "../overview/period-label.ts";

/** A lägesbild's period (stored with a plain string kind) as the calendar's Period. */
export function asPeriod(period: { kind: string; start: string; end: string }): Period {
  return { kind: period.kind as PeriodKind, start: period.start, end: period.end };
}

/** "v. 45–46 2026 (2 nov. – 15 nov.)" for a biweek, "november 2026" for a month, "kv. 4 2026" for a quarter. */
export function lagesbildPeriodLabel(
  period: { kind: string; start: string; end: string },
  i18n: ReturnType<typeof useI18n>,
): string {
  const label = periodLabel(asPeriod(period), i18n);
  if (period.kind === "biweek") return label;
  return `${label} (${i18n.formatDate(period.start)} – ${i18n.formatDate(period.end)})`;
}
