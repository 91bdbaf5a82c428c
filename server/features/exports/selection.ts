import { isWeekBased, type Period, periodWeekNumbers } from "../../../shared/calendar.ts";
import type { SortKey } from "../../../shared/table-sort.ts";
import { EXPORT_LABELS, type ExportLocale, formatLocalMoment } from "./export-labels.ts";
import type { Cell } from "./table-file.ts";

type Labels = (typeof EXPORT_LABELS)[ExportLocale];

/** "v. 44–45 2026 (2026-10-26 – 2026-11-08)": the period as the app names it, with its dates. */
export function periodText(period: Period, labels: Labels): string {
  const dates = `${period.start} – ${period.end}`;
  if (!isWeekBased(period.kind)) return dates;
  const { year, weeks } = periodWeekNumbers(period);
  return `${labels.weeks(weeks.join("–"), year)} (${dates})`;
}

/** "Antal, fallande; Område, stigande": the sort the rows follow, in the headers' words. */
export function sortText(sort: readonly SortKey[], headerOf: (id: string) => string, labels: Labels): string {
  if (sort.length === 0) return labels.selection.sortNone;
  return sort
    .map(
      (key) => `${headerOf(key.id)}, ${key.desc ? labels.selection.descending : labels.selection.ascending}`,
    )
    .join("; ");
}

/** A list of codes by name ("Mjälga-Centrum (2081C1090)"), or "Alla" when none is chosen. */
export function namedList(
  codes: readonly string[],
  nameOf: (code: string) => string | undefined,
  all: string,
) {
  if (codes.length === 0) return all;
  return codes.map((code) => (nameOf(code) ? `${nameOf(code)} (${code})` : code)).join(", ");
}

/**
 * The Urval sheet: what the file holds, as label and value rows, ending with when it was exported
 * in the workspace's time zone (a file read later must say which day's data it shows).
 */
export function selectionSheet(
  rows: readonly (readonly [string, Cell])[],
  options: { locale: ExportLocale; timeZone: string; now?: Date },
): Cell[][] {
  const labels = EXPORT_LABELS[options.locale];
  return [
    ...rows.map(([label, value]) => [label, value]),
    [
      labels.selection.exported,
      formatLocalMoment(options.now ?? new Date(), options.timeZone, options.locale),
    ],
  ];
}
