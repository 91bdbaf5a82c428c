import { TZDate } from "@date-fns/tz";

// Calendar days are plain "YYYY-MM-DD" strings in the workspace's time zone. All arithmetic is
// on UTC midnights as plain numbers, so no local clock or DST change can shift a day, and no Date
// subclass is needed (a faked browser clock, as in the browser tests, cannot subclass Date).
export type LocalDate = string;
export type IsoWeek = { year: number; week: number };
export type PeriodKind = "week" | "biweek" | "fourweek" | "month" | "quarter" | "year";
/** A closed range of whole days; `end` is the last day included. */
export type Period = { kind: PeriodKind; start: LocalDate; end: LocalDate };
export type DateRange = { start: LocalDate; end: LocalDate };

export const DEFAULT_TIME_ZONE = "Europe/Stockholm";
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

const DAY_MS = 86_400_000;

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  return fromUtc(toUtc(value)) === value;
}

/** A calendar date as the milliseconds of its UTC midnight. */
function toUtc(date: LocalDate): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtc(milliseconds: number): LocalDate {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/** 0 for Monday to 6 for Sunday. */
const weekdayIndex = (milliseconds: number) => (new Date(milliseconds).getUTCDay() + 6) % 7;
const mondayOfUtc = (milliseconds: number) => milliseconds - weekdayIndex(milliseconds) * DAY_MS;

/** The ISO week of a UTC midnight: the week belongs to the year its Thursday falls in. */
function isoWeekOfUtc(milliseconds: number): IsoWeek {
  const thursday = mondayOfUtc(milliseconds) + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1 };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date an instant falls on in a time zone (Stockholm by default). */
export function toLocalDate(instant: Date, timeZone = DEFAULT_TIME_ZONE): LocalDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD; building a formatter is costly, so one is kept per zone.
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/** The instant a local calendar day begins in a time zone (midnight Stockholm time by default). */
export function startOfLocalDay(date: LocalDate, timeZone = DEFAULT_TIME_ZONE): Date {
  const utc = new Date(toUtc(date));
  return new Date(new TZDate(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), timeZone).getTime());
}

/** A local calendar date as the UTC-midnight Date the database's DATE columns use. */
export function localDateToDbDate(date: LocalDate): Date {
  return new Date(toUtc(date));
}

export function dbDateToLocalDate(date: Date): LocalDate {
  return fromUtc(date.getTime());
}

export function isoWeekOf(date: LocalDate): IsoWeek {
  return isoWeekOfUtc(toUtc(date));
}

export function isoWeeksInYear(year: number): number {
  // 28 December always lies in the year's last ISO week.
  return isoWeekOfUtc(Date.UTC(year, 11, 28)).week;
}

export function isoWeekStart({ year, week }: IsoWeek): LocalDate {
  if (week < 1 || week > isoWeeksInYear(year)) throw new RangeError(`ISO year ${year} has no week ${week}`);
  // 4 January is always in ISO week 1.
  return fromUtc(mondayOfUtc(Date.UTC(year, 0, 4)) + (week - 1) * 7 * DAY_MS);
}

export function mondayOf(date: LocalDate): LocalDate {
  return fromUtc(mondayOfUtc(toUtc(date)));
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function parseIsoWeek(value: string): IsoWeek {
  const match = ISO_WEEK_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not an ISO week (YYYY-Www): ${value}`);
  const result = { year: Number(match[1]), week: Number(match[2]) };
  isoWeekStart(result);
  return result;
}

export function isIsoWeek(value: string): boolean {
  try {
    parseIsoWeek(value);
    return true;
  } catch {
    return false;
  }
}

export const PERIOD_KINDS = ["week", "biweek", "fourweek", "month", "quarter", "year"] as const;
const WEEK_BASED_DAYS: Partial<Record<PeriodKind, number>> = { week: 7, biweek: 14, fourweek: 28 };
const MONTHS_IN: Partial<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };

export function isWeekBased(kind: PeriodKind): boolean {
  return WEEK_BASED_DAYS[kind] !== undefined;
}

function monthStart(year: number, monthIndex: number): LocalDate {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return date.toISOString().slice(0, 10);
}

/**
 * The period of a kind that contains a date. Week-based periods start on Mondays; biweekly and
 * four-week periods are counted from the workspace's meeting anchor, so they follow its EST
 * meeting rhythm. Months, quarters and years are calendar ones.
 */
export function periodContaining(kind: PeriodKind, date: LocalDate, anchor: LocalDate): Period {
  const days = WEEK_BASED_DAYS[kind];
  if (days !== undefined) {
    const monday = mondayOf(date);
    const anchorMonday = kind === "week" ? monday : mondayOf(anchor);
    const steps = Math.floor(daysBetween(anchorMonday, monday) / days);
    const start = addDays(anchorMonday, steps * days);
    return { kind, start, end: addDays(start, days - 1) };
  }
  const months = MONTHS_IN[kind] ?? 1;
  const utc = new Date(toUtc(date));
  const first = Math.floor(utc.getUTCMonth() / months) * months;
  const start = monthStart(utc.getUTCFullYear(), first);
  return { kind, start, end: addDays(monthStart(utc.getUTCFullYear(), first + months), -1) };
}

export function shiftPeriod(period: Period, steps: number): Period {
  const days = WEEK_BASED_DAYS[period.kind];
  if (days !== undefined) {
    return {
      kind: period.kind,
      start: addDays(period.start, days * steps),
      end: addDays(period.end, days * steps),
    };
  }
  const utc = new Date(toUtc(period.start));
  const start = monthStart(utc.getUTCFullYear(), utc.getUTCMonth() + (MONTHS_IN[period.kind] ?? 1) * steps);
  return periodContaining(period.kind, start, start);
}

export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** The latest period that has ended before `today`: the one an EST meeting reviews. */
export function lastCompletePeriod(kind: PeriodKind, today: LocalDate, anchor: LocalDate): Period {
  return previousPeriod(periodContaining(kind, today, anchor));
}

/**
 * The same period one year earlier. Week-based periods take the same ISO weeks one ISO year
 * earlier (week 53 maps to week 52 when that year has none), so weekdays line up; calendar
 * periods take the same months.
 */
export function samePeriodLastYear(period: Period): Period {
  if (!isWeekBased(period.kind)) return shiftPeriod(period, -12 / (MONTHS_IN[period.kind] ?? 1));
  const { year, week } = isoWeekOf(period.start);
  const lastYearWeek = Math.min(week, isoWeeksInYear(year - 1));
  const start = isoWeekStart({ year: year - 1, week: lastYearWeek });
  return { kind: period.kind, start, end: addDays(start, daysBetween(period.start, period.end)) };
}

/** From the year's start (Monday of ISO week 1, or 1 January for calendar periods) to the period's end. */
export function yearToDate(period: Period): DateRange {
  if (!isWeekBased(period.kind)) return { start: `${period.end.slice(0, 4)}-01-01`, end: period.end };
  const { year } = isoWeekOf(period.end);
  return { start: isoWeekStart({ year, week: 1 }), end: period.end };
}

export function lastYearToDate(period: Period): DateRange {
  return yearToDate(samePeriodLastYear(period));
}

export type PeriodComparison = {
  current: Period;
  previous: Period;
  lastYear: Period;
  yearToDate: DateRange;
  lastYearToDate: DateRange;
};

export function comparePeriods(period: Period): PeriodComparison {
  return {
    current: period,
    previous: previousPeriod(period),
    lastYear: samePeriodLastYear(period),
    yearToDate: yearToDate(period),
    lastYearToDate: lastYearToDate(period),
  };
}

/** The Mondays of the `count` ISO weeks ending with the week that contains `lastDay`. */
export function weekStartsEndingAt(lastDay: LocalDate, count: number): LocalDate[] {
  const lastMonday = mondayOf(lastDay);
  return Array.from({ length: count }, (_, index) => addDays(lastMonday, (index - count + 1) * 7));
}

/** "v. 45–46 2026" style label: ISO week numbers as Swedish users write them. */
export function periodWeekNumbers(period: Period): { year: number; weeks: number[] } {
  const first = isoWeekOf(period.start);
  const last = isoWeekOf(period.end);
  const weeks = first.week === last.week ? [first.week] : [first.week, last.week];
  return { year: last.year, weeks };
}
