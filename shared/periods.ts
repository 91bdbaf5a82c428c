import {
  addDays,
  comparePeriods,
  type DateRange,
  daysBetween,
  type LocalDate,
  lastCompletePeriod,
  mondayOf,
  type Period,
  type PeriodKind,
  periodContaining,
  yearToDate,
} from "./calendar.ts";

// Periods as a user looks at them: ones that may still be running, the rolling "last two complete
// weeks", and the reference date kept when the period type changes (docs/decisions/019).

/** Whether a period has ended before `today`; one that ends today is still running. */
export function isPeriodComplete(period: DateRange, today: LocalDate): boolean {
  return period.end < today;
}

/** The part of a period up to and including today (all of it once it has ended; empty before it starts). */
export function periodSoFar(period: DateRange, today: LocalDate): DateRange {
  if (isPeriodComplete(period, today)) return { start: period.start, end: period.end };
  return { start: period.start, end: today < period.start ? addDays(period.start, -1) : today };
}

/** How many days a range holds (0 for an empty one). */
export function daysIn(range: DateRange): number {
  return Math.max(0, daysBetween(range.start, range.end) + 1);
}

/** The first `days` days of a range, or all of it when it is shorter. */
export function firstDaysOf(range: DateRange, days: number): DateRange {
  const end = addDays(range.start, days - 1);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text, not as numbers.
  return { start: range.start, end: end < range.end ? end : range.end };
}

/** 1 for Monday to 7 for Sunday. */
export function isoWeekday(date: LocalDate): number {
  return daysBetween(mondayOf(date), date) + 1;
}

export type ComparisonSoFar = {
  current: Period;
  /** The days counted: the whole period, or its start up to today while it runs. */
  observed: DateRange;
  isComplete: boolean;
  previous: DateRange;
  lastYear: DateRange;
  yearToDate: DateRange;
  lastYearToDate: DateRange;
};

/**
 * comparePeriods for a period that may still be running: the part up to today against the same
 * number of days at the start of the previous period and of the same period last year (same
 * weekdays for week-based periods), and the year to date against as many days of last year.
 */
export function comparePeriodsSoFar(period: Period, today: LocalDate): ComparisonSoFar {
  const base = comparePeriods(period);
  const observed = periodSoFar(period, today);
  if (isPeriodComplete(period, today)) return { ...base, observed, isComplete: true };
  const days = daysIn(observed);
  const lastYear = firstDaysOf(base.lastYear, days);
  return {
    current: period,
    observed,
    isComplete: false,
    previous: firstDaysOf(base.previous, days),
    lastYear,
    yearToDate: { start: yearToDate({ ...period, end: observed.end }).start, end: observed.end },
    lastYearToDate: { start: yearToDate({ ...period, end: lastYear.end }).start, end: lastYear.end },
  };
}

/** The two ISO weeks ending with the week that contains `date`, whatever the meeting rhythm. */
export function twoWeeksEndingWith(date: LocalDate): Period {
  const start = addDays(mondayOf(date), -7);
  return { kind: "biweek", start, end: addDays(start, 13) };
}

/** The last two complete ISO weeks before today's week. */
export function lastTwoCompleteWeeks(today: LocalDate): Period {
  return twoWeeksEndingWith(addDays(mondayOf(today), -1));
}

/**
 * What the period selector offers: the calendar's kinds and "twoweeks", two ISO weeks counted
 * back from the period itself rather than from the meeting anchor (a biweek with its own anchor).
 */
export const VIEW_KINDS = ["week", "twoweeks", "biweek", "fourweek", "month", "quarter", "year"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export function isViewKind(value: string | null): value is ViewKind {
  return (VIEW_KINDS as readonly string[]).includes(value ?? "");
}

/** The period of a view starting in the week of `weekStart` (for "twoweeks", exactly there). */
export function viewPeriodFrom(view: ViewKind, weekStart: LocalDate, anchor: LocalDate): Period {
  if (view === "twoweeks") return twoWeeksEndingWith(addDays(mondayOf(weekStart), 7));
  return periodContaining(view, weekStart, anchor);
}

export function latestCompleteViewPeriod(view: ViewKind, today: LocalDate, anchor: LocalDate): Period {
  return view === "twoweeks" ? lastTwoCompleteWeeks(today) : lastCompletePeriod(view, today, anchor);
}

/** The view's period that holds today (still running). */
export function currentViewPeriod(view: ViewKind, today: LocalDate, anchor: LocalDate): Period {
  return view === "twoweeks" ? twoWeeksEndingWith(today) : periodContaining(view, today, anchor);
}

/**
 * The period shown after the period type changes: the new type's period holding the date the user
 * was looking at (a complete period's end); when the old period was still running, the new type's
 * latest complete period, so "Vecka" after a running "År" is last week, not week 1.
 */
export function switchViewKind(current: Period, next: ViewKind, today: LocalDate, anchor: LocalDate): Period {
  if (!isPeriodComplete(current, today)) return latestCompleteViewPeriod(next, today, anchor);
  return next === "twoweeks" ? twoWeeksEndingWith(current.end) : periodContaining(next, current.end, anchor);
}

/** The API's period input for a view's period: "twoweeks" is a biweek anchored at its own start. */
export function periodInputOf(
  view: ViewKind,
  period: Period,
): { kind: PeriodKind; date: LocalDate; anchor?: LocalDate } {
  return view === "twoweeks"
    ? { kind: "biweek", date: period.start, anchor: period.start }
    : { kind: period.kind, date: period.start };
}

/** The period an API input names: its own anchor when it brings one, else the workspace's rhythm. */
export function periodOfInput(
  input: { kind: PeriodKind; date: LocalDate; anchor?: LocalDate | undefined },
  workspaceAnchor: LocalDate,
): Period {
  return periodContaining(input.kind, input.date, input.anchor ?? workspaceAnchor);
}
