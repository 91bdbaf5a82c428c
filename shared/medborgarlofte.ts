import { type DateRange, daysBetween, type LocalDate } from "./calendar.ts";

// A medborgarlöfte's activities and how far each has come: a target (a number, a frequency or a
// description), the part of its period that has passed, and whether the work is behind the plan.

export const TARGET_KINDS = ["count", "frequency", "description"] as const;
export const FREQUENCY_UNITS = ["week", "month", "quarter"] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

export type ActivityTarget =
  | { kind: "count"; count: number }
  | { kind: "frequency"; every: number; per: FrequencyUnit }
  | { kind: "description"; text: string };

export const PROGRESS_STATUSES = [
  "not_started",
  "on_track",
  "behind",
  "reached",
  "missed",
  "unmeasured",
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export type ActivityProgress = {
  /** What the period asks for in all; null for a target described in words. */
  target: number | null;
  /** Units done within the period up to the day asked about. */
  done: number;
  /** The share (0–1) of the period's days that have passed, the day asked about included. */
  elapsedShare: number;
  /** What a steady pace would have done by now (target × elapsedShare); null without a number. */
  expected: number | null;
  /** done ÷ target; null without a number. */
  share: number | null;
  status: ProgressStatus;
};

/** Average days per unit: a year of 365 days holds 52 weeks, 12 months and 4 quarters after rounding. */
const UNIT_DAYS: Record<FrequencyUnit, number> = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4 };

/** How many times a frequency falls in a period: "varannan vecka" over a whole year is 26. */
export function plannedOccurrences(every: number, per: FrequencyUnit, period: DateRange): number {
  if (!Number.isInteger(every) || every < 1)
    throw new RangeError(`every must be a whole number ≥ 1: ${every}`);
  const days = daysBetween(period.start, period.end) + 1;
  return Math.max(1, Math.round(days / UNIT_DAYS[per] / every));
}

export function targetTotal(target: ActivityTarget, period: DateRange): number | null {
  if (target.kind === "count") return target.count;
  if (target.kind === "frequency") return plannedOccurrences(target.every, target.per, period);
  return null;
}

/** The share of a period's days that have passed by the end of `asOf`, from 0 before it to 1 after. */
export function elapsedShare(period: DateRange, asOf: LocalDate): number {
  const total = daysBetween(period.start, period.end) + 1;
  const passed = daysBetween(period.start, asOf) + 1;
  return Math.min(1, Math.max(0, passed / total));
}

/** Units done within the period up to `asOf`: progress entries and linked insatser alike. */
export function countDone(
  entries: readonly { doneOn: LocalDate; quantity: number }[],
  period: DateRange,
  asOf: LocalDate,
): number {
  const last = asOf < period.end ? asOf : period.end;
  return entries
    .filter((entry) => entry.doneOn >= period.start && entry.doneOn <= last)
    .reduce((sum, entry) => sum + entry.quantity, 0);
}

/**
 * An activity's progress on a day. Behind means fewer done than the whole units a steady pace
 * would have finished by then (floor of target × elapsed share), so one visit early in the year
 * is never "behind" before the first one was due.
 */
export function activityProgress(input: {
  target: ActivityTarget;
  period: DateRange;
  asOf: LocalDate;
  done: number;
}): ActivityProgress {
  const { period, asOf, done } = input;
  const target = targetTotal(input.target, period);
  const share = elapsedShare(period, asOf);
  if (target === null)
    return { target, done, elapsedShare: share, expected: null, share: null, status: "unmeasured" };
  const expected = target * share;
  const base = { target, done, elapsedShare: share, expected, share: done / target };
  if (done >= target) return { ...base, status: "reached" };
  if (asOf < period.start) return { ...base, status: "not_started" };
  if (asOf >= period.end) return { ...base, status: "missed" };
  return { ...base, status: done < Math.floor(expected) ? "behind" : "on_track" };
}

export type LofteLocale = "sv" | "en";

const SV_ORDINALS = [
  "",
  "",
  "",
  "tredje",
  "fjärde",
  "femte",
  "sjätte",
  "sjunde",
  "åttonde",
  "nionde",
  "tionde",
];
const SV_UNITS: Record<FrequencyUnit, { noun: string; isNeuter: boolean }> = {
  week: { noun: "vecka", isNeuter: false },
  month: { noun: "månad", isNeuter: false },
  quarter: { noun: "kvartal", isNeuter: true },
};
const EN_UNITS: Record<FrequencyUnit, [string, string]> = {
  week: ["week", "weeks"],
  month: ["month", "months"],
  quarter: ["quarter", "quarters"],
};

/** "varannan vecka", "vart tredje kvartal", "every other week". */
export function describeFrequency(every: number, per: FrequencyUnit, locale: LofteLocale): string {
  if (locale === "en") {
    const [one, many] = EN_UNITS[per];
    return every === 1 ? `every ${one}` : every === 2 ? `every other ${one}` : `every ${every} ${many}`;
  }
  const { noun, isNeuter } = SV_UNITS[per];
  if (every === 1) return `varje ${noun}`;
  if (every === 2) return `${isNeuter ? "vartannat" : "varannan"} ${noun}`;
  const ordinal =
    SV_ORDINALS[every] ?? `${every}:${[1, 2].includes(every % 10) && every % 100 > 20 ? "a" : "e"}`;
  return `${isNeuter ? "vart" : "var"} ${ordinal} ${noun}`;
}

/** The target as the promise states it: "minst 8 trygghetsvandringar", "varannan vecka", or its words. */
export function describeTarget(target: ActivityTarget, unit: string, locale: LofteLocale): string {
  if (target.kind === "description") return target.text;
  if (target.kind === "frequency") return describeFrequency(target.every, target.per, locale);
  const what = unit.trim() ? ` ${unit.trim()}` : "";
  return locale === "sv" ? `minst ${target.count}${what}` : `at least ${target.count}${what}`;
}

const percent = (share: number, locale: LofteLocale) =>
  `${Math.round(share * 100)}${locale === "sv" ? "\u00a0%" : "%"}`;

const isCalendarYear = (period: DateRange) =>
  period.start.endsWith("-01-01") &&
  period.end.endsWith("-12-31") &&
  period.start.slice(0, 4) === period.end.slice(0, 4);

/**
 * An activity's progress in plain words, e.g. "5 av 8 trygghetsvandringar genomförda. Ligger
 * efter: när 87 % av året har gått borde minst 6 vara genomförda."
 */
export function describeProgress(
  progress: ActivityProgress,
  unit: string,
  period: DateRange,
  locale: LofteLocale,
): string {
  const sv = locale === "sv";
  const what = unit.trim() ? ` ${unit.trim()}` : "";
  const span = isCalendarYear(period) ? (sv ? "året" : "the year") : sv ? "perioden" : "the period";
  const elapsed = percent(progress.elapsedShare, locale);
  const entries = (n: number) =>
    sv
      ? `${n} ${n === 1 ? "genomförande registrerat" : "genomföranden registrerade"} hittills.`
      : `${n} ${n === 1 ? "entry" : "entries"} recorded so far.`;
  const count =
    progress.target === null
      ? what
        ? sv
          ? `${progress.done}${what} genomförda hittills.`
          : `${progress.done}${what} done so far.`
        : entries(progress.done)
      : sv
        ? `${progress.done} av ${progress.target}${what} genomförda.`
        : `${progress.done} of ${progress.target}${what} done.`;
  const due = Math.floor(progress.expected ?? 0);
  const status: Record<ProgressStatus, string> = sv
    ? {
        not_started: "Perioden har inte börjat.",
        on_track: `Följer planen: ${elapsed} av ${span} har gått.`,
        behind: `Ligger efter: när ${elapsed} av ${span} har gått borde minst ${due} vara genomförda.`,
        reached: "Målet är nått.",
        missed: `Målet nåddes inte under ${span}.`,
        unmeasured: `${elapsed} av ${span} har gått.`,
      }
    : {
        not_started: "The period has not begun.",
        on_track: `On track: ${elapsed} of ${span} has passed.`,
        behind: `Behind: with ${elapsed} of ${span} passed, at least ${due} should be done.`,
        reached: "The target is reached.",
        missed: `The target was not reached during ${span}.`,
        unmeasured: `${elapsed} of ${span} has passed.`,
      };
  return `${count} ${status[progress.status]}`;
}
