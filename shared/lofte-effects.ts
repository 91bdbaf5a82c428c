import type { DateRange, LocalDate } from "./calendar.ts";
import { type Effect, estimateEffect, formatSignedPercent } from "./effect.ts";
import type { LofteLocale } from "./medborgarlofte.ts";
import { isTooFewRespondents, type SurveyUnit } from "./surveys.ts";

// A medborgarlöfte's expected effects: a survey indicator or an incident category in an area,
// its baseline, its latest value and whether the change is clear and in the direction hoped for.

export const DESIRED_DIRECTIONS = ["increase", "decrease"] as const;
export type DesiredDirection = (typeof DESIRED_DIRECTIONS)[number];
export const EFFECT_INDICATOR_KINDS = ["survey", "incidents"] as const;

export type ChangeVerdict =
  | "increase"
  | "decrease"
  | "no_clear_difference"
  | "too_few"
  | "no_interval"
  | "no_data";
export type EffectDirection = "as_desired" | "against" | "unclear" | "not_measurable";

/** Public figures below this many are shown as "färre än 5", never as the number. */
export const PUBLIC_MIN_COUNT = 5;

export function suppressSmallCount(count: number): { count: number | null; isSuppressed: boolean } {
  return count < PUBLIC_MIN_COUNT ? { count: null, isSuppressed: true } : { count, isSuppressed: false };
}

const Z_95 = 1.959963984540054;

export type SurveyPoint = {
  year: number;
  value: number;
  lower: number | null;
  upper: number | null;
  respondents: number | null;
};
export type SurveyChange = {
  difference: number;
  interval: { lower: number; upper: number } | null;
  verdict: ChangeVerdict;
};

/**
 * The change from a baseline survey result to a later one. Each published interval is read as a
 * normal 95 % interval (standard error = half its width ÷ 1.96); the difference's interval
 * combines both. Results with too few respondents are not judged.
 */
export function surveyChange(
  baseline: SurveyPoint,
  latest: SurveyPoint,
  minRespondents: number,
): SurveyChange {
  const difference = latest.value - baseline.value;
  if (
    isTooFewRespondents(baseline.respondents, minRespondents) ||
    isTooFewRespondents(latest.respondents, minRespondents)
  )
    return { difference, interval: null, verdict: "too_few" };
  if (baseline.lower === null || baseline.upper === null || latest.lower === null || latest.upper === null)
    return { difference, interval: null, verdict: "no_interval" };
  const standardError = (point: { lower: number; upper: number }) => (point.upper - point.lower) / (2 * Z_95);
  const half =
    Z_95 *
    Math.hypot(
      standardError({ lower: baseline.lower, upper: baseline.upper }),
      standardError({ lower: latest.lower, upper: latest.upper }),
    );
  const interval = { lower: difference - half, upper: difference + half };
  const verdict = interval.lower > 0 ? "increase" : interval.upper < 0 ? "decrease" : "no_clear_difference";
  return { difference, interval, verdict };
}

/** Incidents in the same days of the baseline year and this year: a before/after rate ratio (shared/effect.ts). */
export function incidentChange(baselineCount: number, currentCount: number): Effect {
  return estimateEffect({ before: baselineCount, after: currentCount });
}

export function effectDirection(verdict: ChangeVerdict, desired: DesiredDirection): EffectDirection {
  if (verdict === "increase" || verdict === "decrease") return verdict === desired ? "as_desired" : "against";
  return verdict === "no_clear_difference" ? "unclear" : "not_measurable";
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The year so far (1 January up to the last day with data) and the same days of the baseline
 * year; 29 February ends on the 28th in a year without it. Null before the year has any data.
 */
export function yearToDateWindows(
  year: number,
  baselineYear: number,
  lastDay: LocalDate,
): { current: DateRange; baseline: DateRange } | null {
  if (lastDay < `${year}-01-01`) return null;
  const end = lastDay > `${year}-12-31` ? `${year}-12-31` : lastDay;
  const monthDay = end.slice(5) === "02-29" && !isLeapYear(baselineYear) ? "02-28" : end.slice(5);
  return {
    current: { start: `${year}-01-01`, end },
    baseline: { start: `${baselineYear}-01-01`, end: `${baselineYear}-${monthDay}` },
  };
}

export type MeasuredEffect =
  | {
      kind: "survey";
      unit: SurveyUnit;
      baseline: SurveyPoint | null;
      latest: SurveyPoint | null;
      change: SurveyChange | null;
      direction: EffectDirection;
    }
  | {
      kind: "incidents";
      baseline: { range: DateRange; count: number | null } | null;
      current: { range: DateRange; count: number | null } | null;
      /** Null when too few, or (on the public page) when a count is shown as "färre än 5". */
      percentChange: number | null;
      percentInterval: { lower: number; upper: number } | null;
      verdict: ChangeVerdict;
      direction: EffectDirection;
      /** On the public page: the figures lie inside or around another public figure, so they are not shown (decisions/026). */
      isWithheld?: boolean;
    };

const WORDS = {
  sv: {
    as_desired: "en säker förändring i önskad riktning",
    against: "en säker förändring i motsatt riktning",
    unclear: "ingen säker förändring ännu",
    too_few: "för få svarande eller händelser för att bedöma",
    no_interval: "osäkerheten är okänd (intervall saknas)",
    no_data: "inget senare värde att jämföra med ännu",
    baseline: "Utgångsvärde",
    latest: "senast",
    change: "förändring",
    interval: "95\u00a0% intervall",
    points: "procentenheter",
    fewer: "färre än 5",
    withheld: "Antalen visas inte här, eftersom de tillsammans med sidans andra siffror skulle avslöja små tal",
    sameDays: "samma dagar",
    to: "till",
  },
  en: {
    as_desired: "a clear change in the desired direction",
    against: "a clear change in the opposite direction",
    unclear: "no clear change yet",
    too_few: "too few respondents or incidents to judge",
    no_interval: "the uncertainty is unknown (no interval)",
    no_data: "no later value to compare with yet",
    baseline: "Baseline",
    latest: "latest",
    change: "change",
    interval: "95% interval",
    points: "percentage points",
    fewer: "fewer than 5",
    withheld: "The counts are not shown here, since with the page's other figures they would reveal small numbers",
    sameDays: "the same days",
    to: "to",
  },
} as const;

const decimal = (locale: LofteLocale, value: number, digits = 1) =>
  new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
const signed = (locale: LofteLocale, value: number) =>
  `${value > 0 ? "+" : value < 0 ? "\u2212" : ""}${decimal(locale, Math.abs(value))}`;

function verdictWords(effect: MeasuredEffect, locale: LofteLocale): string {
  const words = WORDS[locale];
  if (effect.direction !== "not_measurable") return words[effect.direction];
  const verdict = effect.kind === "survey" ? (effect.change?.verdict ?? "no_data") : effect.verdict;
  return verdict === "too_few" || verdict === "no_interval" ? words[verdict] : words.no_data;
}

/** An expected effect's figures and verdict in words, for the page, the public page and the report. */
export function describeMeasuredEffect(effect: MeasuredEffect, locale: LofteLocale): string {
  const words = WORDS[locale];
  const verdict = verdictWords(effect, locale);
  if (effect.kind === "survey") {
    const show = (point: SurveyPoint) => {
      const value = `${decimal(locale, point.value)}${effect.unit === "percent" ? "\u00a0%" : ""}`;
      const interval =
        point.lower !== null && point.upper !== null
          ? ` (${decimal(locale, point.lower)}–${decimal(locale, point.upper)})`
          : "";
      return `${point.year}: ${value}${interval}`;
    };
    if (!effect.baseline) return `${words.no_data}.`;
    const parts = [`${words.baseline} ${show(effect.baseline)}`];
    if (effect.latest) parts.push(`${words.latest} ${show(effect.latest)}`);
    if (effect.change?.interval) {
      const unit = effect.unit === "percent" ? ` ${words.points}` : "";
      const { lower, upper } = effect.change.interval;
      parts.push(
        `${words.change} ${signed(locale, effect.change.difference)}${unit} (${words.interval} ${signed(locale, lower)} ${words.to} ${signed(locale, upper)})`,
      );
    }
    return `${parts.join(", ")}: ${verdict}.`;
  }
  if (!effect.baseline || !effect.current) return `${words.no_data}.`;
  if (effect.isWithheld) return `${words.withheld}: ${verdict}.`;
  const count = (value: number | null) => (value === null ? words.fewer : String(value));
  const day = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const range = (r: DateRange) =>
    `${day.format(new Date(`${r.start}T00:00:00Z`))}–${day.format(new Date(`${r.end}T00:00:00Z`))} ${r.end.slice(0, 4)}`;
  const parts = [
    `${words.baseline} ${range(effect.baseline.range)}: ${count(effect.baseline.count)}`,
    `${words.sameDays} ${effect.current.range.start.slice(0, 4)}: ${count(effect.current.count)}`,
  ];
  if (effect.percentChange !== null && effect.percentInterval)
    parts.push(
      `${words.change} ${formatSignedPercent(effect.percentChange, locale)} (${words.interval} ${formatSignedPercent(effect.percentInterval.lower, locale)} ${words.to} ${formatSignedPercent(effect.percentInterval.upper, locale)})`,
    );
  return `${parts.join(", ")}: ${verdict}.`;
}
