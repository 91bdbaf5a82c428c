import { addDays, type DateRange, daysBetween, type LocalDate } from "./calendar.ts";

// The effect of an insats: did incidents in its area change more than in a comparison area over
// the same two windows? A ratio of rate ratios (difference-in-differences on the log scale) with a
// log-normal 95 % interval; without a comparison area, a plain before/after rate ratio.

export type EffectVerdict = "decrease" | "increase" | "no_clear_difference" | "too_few";
export type EffectMethod = "difference_in_differences" | "before_after";

export const EFFECT_SETTINGS = {
  /** Fewest incidents (before + after) per area: below 10 even an even split gives an interval whose ends differ about 12-fold. */
  minimumPerArea: 10,
  /** Days the insats must have run before its effect is estimated. */
  minimumDays: 14,
  /** Longest window on either side of the start, so a slow trend weighs less. */
  maximumDays: 182,
} as const;

/** The 97.5th percentile of the standard normal distribution. */
const Z_95 = 1.959963984540054;
const LOG_SIGNS = [-1, 1, 1, -1] as const;

export type EffectCounts = {
  /** Incidents in the insats area in the window before the start. */
  before: number;
  /** Incidents in the insats area in the window from the start, of the same length. */
  after: number;
  /** The comparison area over the same two windows; leave both out for a plain before/after ratio. */
  comparisonBefore?: number | null;
  comparisonAfter?: number | null;
};

export type EffectInterval = { lower: number; upper: number };

type EffectBase = {
  method: EffectMethod;
  /** False for before/after: the ratio then includes any general trend shared by all areas. */
  adjustsForTrend: boolean;
  /** True when a count was 0 and 0.5 was added to every cell. */
  isZeroCorrected: boolean;
  counts: EffectCounts;
};

export type Effect =
  | (EffectBase & {
      verdict: "too_few";
      ratio: null;
      interval: null;
      logStandardError: null;
      percentChange: null;
      percentInterval: null;
    })
  | (EffectBase & {
      verdict: Exclude<EffectVerdict, "too_few">;
      /** (after / before) / (comparisonAfter / comparisonBefore), or after / before without comparison. */
      ratio: number;
      interval: EffectInterval;
      /** Standard error of ln(ratio): √(1/a + 1/b + 1/c + 1/d) over the cells used. */
      logStandardError: number;
      /** (ratio − 1) × 100. */
      percentChange: number;
      percentInterval: EffectInterval;
    });

/**
 * Estimates an insats's effect from incident counts over before and after windows of equal length.
 * With a comparison area it is a difference-in-differences on the log scale; without one, a
 * before/after rate ratio that does not adjust for the general trend (`adjustsForTrend: false`).
 */
export function estimateEffect(counts: EffectCounts): Effect {
  const { before, after } = counts;
  const comparisonBefore = counts.comparisonBefore ?? null;
  const comparisonAfter = counts.comparisonAfter ?? null;
  if ((comparisonBefore === null) !== (comparisonAfter === null)) {
    throw new RangeError("Give both comparison counts or neither");
  }
  const hasComparison = comparisonBefore !== null && comparisonAfter !== null;
  const cells = hasComparison ? [before, after, comparisonBefore, comparisonAfter] : [before, after];
  for (const [name, value] of Object.entries({ before, after, comparisonBefore, comparisonAfter })) {
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw new RangeError(`${name} must be a whole number ≥ 0: ${value}`);
    }
  }

  // A zero cell has no logarithm: the Haldane–Anscombe correction adds 0.5 to every cell.
  const isZeroCorrected = cells.includes(0);
  const corrected = cells.map((value) => (isZeroCorrected ? value + 0.5 : value));
  const base: EffectBase = {
    method: hasComparison ? "difference_in_differences" : "before_after",
    adjustsForTrend: hasComparison,
    isZeroCorrected,
    counts,
  };
  const isTooFew =
    before + after < EFFECT_SETTINGS.minimumPerArea ||
    (hasComparison && comparisonBefore + comparisonAfter < EFFECT_SETTINGS.minimumPerArea);
  if (isTooFew) {
    return {
      ...base,
      verdict: "too_few",
      ratio: null,
      interval: null,
      logStandardError: null,
      percentChange: null,
      percentInterval: null,
    };
  }

  // ln(after) − ln(before) − (ln(comparisonAfter) − ln(comparisonBefore)), in the order of `cells`.
  const logRatio = corrected.reduce(
    (sum, value, index) => sum + (LOG_SIGNS[index] ?? 0) * Math.log(value),
    0,
  );
  const logStandardError = Math.sqrt(corrected.reduce((sum, value) => sum + 1 / value, 0));
  const ratio = Math.exp(logRatio);
  const interval = {
    lower: Math.exp(logRatio - Z_95 * logStandardError),
    upper: Math.exp(logRatio + Z_95 * logStandardError),
  };
  const verdict = interval.upper < 1 ? "decrease" : interval.lower > 1 ? "increase" : "no_clear_difference";
  return {
    ...base,
    verdict,
    ratio,
    interval,
    logStandardError,
    percentChange: (ratio - 1) * 100,
    percentInterval: { lower: (interval.lower - 1) * 100, upper: (interval.upper - 1) * 100 },
  };
}

export type EffectLocale = "sv" | "en";

function percentFormat(tag: string, percentSign: string) {
  return {
    whole: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    small: new Intl.NumberFormat(tag, { maximumSignificantDigits: 1 }),
    percentSign,
  };
}
const PERCENT_FORMATS = { sv: percentFormat("sv-SE", "\u00a0%"), en: percentFormat("en-GB", "%") };

/**
 * A signed percentage: "−32 %", "+25 %", "−0,4 %" in Swedish (U+2212 minus, decimal comma, a
 * no-break space before %, so the sign never wraps apart), "−32%" in English. Whole percent from 1 up;
 * below 1 one significant digit, so a bound just under zero never shows as "0".
 */
export function formatSignedPercent(value: number, locale: EffectLocale): string {
  const format = PERCENT_FORMATS[locale];
  const size = Math.abs(value);
  const digits = size < 1 ? format.small.format(size) : format.whole.format(size);
  const sign = digits === "0" ? "" : value < 0 ? "\u2212" : "+";
  return `${sign}${digits}${format.percentSign}`;
}

const WORDS = {
  sv: {
    compared: {
      difference_in_differences: "jämfört med jämförelseområdet",
      before_after: "jämfört med före insatsen",
    },
    interval: "95\u00a0% intervall",
    to: "till",
    decrease: "säker minskning",
    increase: "säker ökning",
    noClear: (compared: string, lower: string, upper: string) =>
      `ingen säker skillnad ${compared} (intervallet ${lower} till ${upper} täcker noll)`,
    tooFew: "för få händelser för att bedöma",
    noTrend: "Obs: inget jämförelseområde, så skillnaden kan bero på en allmän trend och inte på insatsen.",
  },
  en: {
    compared: {
      difference_in_differences: "compared with the comparison area",
      before_after: "compared with before the measure",
    },
    interval: "95% interval",
    to: "to",
    decrease: "clear decrease",
    increase: "clear increase",
    noClear: (compared: string, lower: string, upper: string) =>
      `no clear difference ${compared} (the interval ${lower} to ${upper} includes zero)`,
    tooFew: "too few incidents to judge",
    noTrend:
      "Note: no comparison area, so a general trend rather than the measure may explain the difference.",
  },
} as const;

/** The effect in words a meeting understands, e.g. "−32 % jämfört med jämförelseområdet (95 % intervall −51 % till −6 %): säker minskning". */
export function describeEffect(effect: Effect, locale: EffectLocale): string {
  const words = WORDS[locale];
  if (effect.verdict === "too_few") return words.tooFew;
  const compared = words.compared[effect.method];
  const lower = formatSignedPercent(effect.percentInterval.lower, locale);
  const upper = formatSignedPercent(effect.percentInterval.upper, locale);
  const text =
    effect.verdict === "no_clear_difference"
      ? words.noClear(compared, lower, upper)
      : `${formatSignedPercent(effect.percentChange, locale)} ${compared} (${words.interval} ${lower} ${words.to} ${upper}): ${words[effect.verdict]}`;
  return effect.adjustsForTrend ? text : `${text}. ${words.noTrend}`;
}

export type EffectWindows = {
  /** The same number of days, ending the day before the start. */
  before: DateRange;
  /** From the start to the last complete day (yesterday, or the end if earlier), at most `maxDays`. */
  after: DateRange;
  days: number;
  isCapped: boolean;
};

export type EffectWindowsResult =
  | { windows: EffectWindows; reason: null }
  | { windows: null; reason: "not_started" | "too_short"; daysRun: number };

/**
 * The before and after windows for an insats that started on `start` (and ended on `end`, if it
 * has). Today is left out of the after window: its incidents are not all in yet, and a part-day
 * counted as a whole one would read as a decrease. When capped, the after window keeps the first
 * `maxDays` days, so both windows sit right around the start.
 */
export function effectWindows(
  start: LocalDate,
  end: LocalDate | null,
  today: LocalDate,
  maxDays: number = EFFECT_SETTINGS.maximumDays,
): EffectWindowsResult {
  if (!Number.isInteger(maxDays) || maxDays < EFFECT_SETTINGS.minimumDays) {
    throw new RangeError(`maxDays must be a whole number ≥ ${EFFECT_SETTINGS.minimumDays}: ${maxDays}`);
  }
  if (end !== null && daysBetween(start, end) < 0)
    throw new RangeError(`The insats ends (${end}) before it starts (${start})`);
  const yesterday = addDays(today, -1);
  const lastDay = end !== null && daysBetween(end, yesterday) > 0 ? end : yesterday;
  const daysRun = Math.max(0, daysBetween(start, lastDay) + 1);
  if (daysBetween(start, today) <= 0) return { windows: null, reason: "not_started", daysRun: 0 };
  if (daysRun < EFFECT_SETTINGS.minimumDays) return { windows: null, reason: "too_short", daysRun };
  const days = Math.min(daysRun, maxDays);
  return {
    windows: {
      before: { start: addDays(start, -days), end: addDays(start, -1) },
      after: { start, end: addDays(start, days - 1) },
      days,
      isCapped: days < daysRun,
    },
    reason: null,
  };
}
