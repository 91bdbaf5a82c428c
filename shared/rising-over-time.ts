import jStat from "jstat";
import {
  addDays,
  type DateRange,
  daysBetween,
  isWeekBased,
  type LocalDate,
  lastYearToDate,
  type Period,
  samePeriodLastYear,
  yearToDate,
} from "./calendar.ts";
import { rateRatioUpperTail } from "./rising.ts";
import { fitCountModel } from "./rising-model.ts";

// The sustained flag ("ökar över tid"): are the last 13, 26 and 52 weeks and the year to date
// higher than the same weeks a year earlier, by more than chance and season explain? Method,
// calibration and limits: docs/rising-flag.md.

export type SustainedLevel = "sure" | "likely" | "none" | "too_few";
export type SustainedWindowKey = "weeks13" | "weeks26" | "weeks52" | "yearToDate" | "period";

export const SUSTAINED_SETTINGS = {
  /** Family-wise p below which the rise is "säker" (sure). */
  sureP: 0.001,
  /** Family-wise p below which the rise is "trolig" (likely). */
  likelyP: 0.01,
  /** A window averaging fewer than this many a fortnight over both years is not tested (as the period flag). */
  minimumPerTwoWeeks: 6,
  /** The dispersion is measured on sums of this many weeks, so that short clusters count as noise. */
  blockWeeks: 4,
  /** Trailing windows, in weeks; the year to date is added when it differs from all of them. */
  windowWeeks: [13, 26, 52],
  /** A year to date within this many weeks of another window adds nothing and is left out. */
  yearToDateMinimumGap: 4,
  /** Blocks of history for the dispersion: three years. */
  historyBlocks: 39,
  /** The latest blocks (12 weeks) are left out of the dispersion, so a sharp rise does not hide itself. */
  recentBlocksLeftOut: 3,
  /** Data are taken to begin up to this many days before their first registered crime (a quiet New Year). */
  coverageSlackDays: 6,
} as const;

export const BLOCKS_PER_YEAR = 52 / SUSTAINED_SETTINGS.blockWeeks;

/** One window's counts: this year's and the same days a year earlier. `weeks` is its length. */
export type SustainedWindow = { key: SustainedWindowKey; weeks: number; current: number; earlier: number };
export type SustainedWindowResult = SustainedWindow & {
  changePercent: number | null;
  /** The window's own one-sided p, before allowing for the other windows; null when not tested. */
  pValue: number | null;
};

export type SustainedAssessment = {
  level: SustainedLevel;
  /** The window the verdict speaks of: the most telling one, or the longest when nothing rises. */
  window: SustainedWindowResult | null;
  /** The chance that any tested window shows a rise this strong when nothing changed; null when too few. */
  pValue: number | null;
  dispersion: number;
  windows: SustainedWindowResult[];
};

/**
 * P(max_i B(n_i)/√n_i ≥ c) for a standard Brownian motion B at increasing times n_i: the
 * family-wise tail of the z-scores of nested trailing windows of n_i weeks, which share their
 * latest weeks (correlation √(n_i/n_j)). Computed by propagating the density of B on a grid.
 */
export function maxNormalTail(c: number, lengths: readonly number[]): number {
  const times = [...new Set(lengths)].filter((n) => n > 0).sort((a, b) => a - b);
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined) return 1;
  if (times.length === 1) return 1 - jStat.normal.cdf(c, 0, 1);
  if (c <= -6) return 1;
  // Cells of width h; a cell the boundary cuts counts with the share of it below the boundary.
  const smallestStep = Math.min(first, ...times.slice(1).map((n, i) => n - (times[i] ?? 0)));
  const low = -8 * Math.sqrt(last);
  const high = Math.max(c, 0) * Math.sqrt(last);
  const h = Math.min(Math.sqrt(smallestStep) / 6, (high - low) / 200);
  const cells = Math.ceil((high - low) / h);
  const centre = (j: number) => low + (j + 0.5) * h;
  const below = (j: number, bound: number) => Math.min(1, Math.max(0, (bound - (low + j * h)) / h));
  const density = (x: number, variance: number) =>
    Math.exp((-x * x) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
  // Typed arrays and plain loops: this runs once per CompStat row with a tested window.
  let mass = new Float64Array(cells);
  const firstBound = c * Math.sqrt(first);
  for (let j = 0; j < cells; j++) mass[j] = density(centre(j), first) * h * below(j, firstBound);
  let next = new Float64Array(cells);
  for (let i = 1; i < times.length; i++) {
    const variance = (times[i] ?? 0) - (times[i - 1] ?? 0);
    const bound = c * Math.sqrt(times[i] ?? 0);
    const reach = Math.min(cells - 1, Math.ceil((8 * Math.sqrt(variance)) / h));
    const kernel = new Float64Array(2 * reach + 1);
    for (let k = 0; k < kernel.length; k++) kernel[k] = density((k - reach) * h, variance) * h;
    next.fill(0);
    for (let j = 0; j < cells; j++) {
      const share = below(j, bound);
      if (share === 0) break;
      let sum = 0;
      const to = Math.min(cells - 1, j + reach);
      for (let k = Math.max(0, j - reach); k <= to; k++)
        sum += (mass[k] as number) * (kernel[j - k + reach] as number);
      next[j] = sum * share;
    }
    [mass, next] = [next, mass];
  }
  let total = 0;
  for (let j = 0; j < cells; j++) total += mass[j] as number;
  return Math.min(1, Math.max(0, 1 - total));
}

/**
 * The dispersion of 4-week sums around a trend-and-season model of them (oldest first), leaving
 * out the latest 12 weeks; null if too short.
 */
export function blockDispersion(blocks: readonly number[]): number | null {
  const history = blocks.slice(0, Math.max(0, blocks.length - SUSTAINED_SETTINGS.recentBlocksLeftOut));
  return fitCountModel(history, BLOCKS_PER_YEAR)?.dispersion ?? null;
}

/** Whether a window has enough counts to be judged: on average 6 a fortnight over its two years. */
export function isLargeEnough(window: Pick<SustainedWindow, "current" | "earlier" | "weeks">): boolean {
  return window.current + window.earlier >= SUSTAINED_SETTINGS.minimumPerTwoWeeks * window.weeks;
}

function changePercent(current: number, earlier: number): number | null {
  return earlier > 0 ? ((current - earlier) / earlier) * 100 : null;
}

/**
 * Tests each window (this year against the same weeks a year earlier) with the conditional
 * quasi-Poisson test, its dispersion measured on 4-week sums after trend and season; the windows'
 * evidence is combined as the family-wise p of the strongest one (`maxNormalTail`).
 */
export function assessSustained(input: {
  windows: readonly SustainedWindow[];
  /** Counts per 4-week block over the last years, oldest first, for the dispersion. */
  blocks: readonly number[];
}): SustainedAssessment {
  // The model behind the dispersion is fitted only when some window has enough counts to test.
  const dispersion = input.windows.some(isLargeEnough) ? blockDispersion(input.blocks) : null;
  const windows: SustainedWindowResult[] = input.windows.map((window) => {
    const isTested = dispersion !== null && isLargeEnough(window);
    return {
      ...window,
      changePercent: changePercent(window.current, window.earlier),
      pValue: isTested
        ? rateRatioUpperTail({
            observed: window.current,
            observedExposure: 1,
            reference: window.earlier,
            referenceExposure: 1,
            dispersion,
          })
        : null,
    };
  });
  const tested = windows.filter((window) => window.pValue !== null);
  const longest = (list: SustainedWindowResult[]) =>
    list.reduce<SustainedWindowResult | null>((best, w) => (!best || w.weeks > best.weeks ? w : best), null);
  if (tested.length === 0 || dispersion === null) {
    return { level: "too_few", window: longest(windows), pValue: null, dispersion: dispersion ?? 1, windows };
  }
  const strongest = tested.reduce((best, w) => ((w.pValue ?? 1) < (best.pValue ?? 1) ? w : best));
  const smallestP = strongest.pValue ?? 1;
  const z = Math.min(8, -jStat.normal.inv(Math.max(smallestP, 1e-300), 0, 1));
  const pValue =
    smallestP >= 1
      ? 1
      : maxNormalTail(
          z,
          tested.map((w) => w.weeks),
        );
  const level: SustainedLevel =
    pValue < SUSTAINED_SETTINGS.sureP ? "sure" : pValue < SUSTAINED_SETTINGS.likelyP ? "likely" : "none";
  return {
    level,
    window: level === "none" ? longest(tested) : strongest,
    pValue,
    dispersion,
    windows,
  };
}

/** Trailing windows of whole weeks in a weekly series ending at `lastIndex`, against `yearShift` weeks earlier. */
export function weeklyWindows(input: {
  weekly: readonly number[];
  lastIndex: number;
  /** Weeks back to the same ISO week a year earlier (52, or 53 after a 53-week year). */
  yearShift: number;
  /** Weeks since the start of the ISO year, including the last one. */
  yearToDateWeeks: number;
  /** The first index that holds data; windows reaching before it are left out. */
  firstIndex?: number;
}): SustainedWindow[] {
  const { weekly, lastIndex, yearShift } = input;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let i = from; i <= to; i++) total += weekly[i] ?? 0;
    return total;
  };
  return sustainedWindowLengths(input.yearToDateWeeks)
    .filter(({ weeks }) => lastIndex - weeks + 1 - yearShift >= (input.firstIndex ?? 0))
    .map(({ key, weeks }) => ({
      key,
      weeks,
      current: sum(lastIndex - weeks + 1, lastIndex),
      earlier: sum(lastIndex - weeks + 1 - yearShift, lastIndex - yearShift),
    }));
}

/** The windows tested at a week whose year to date is `yearToDateWeeks` long. */
export function sustainedWindowLengths(
  yearToDateWeeks: number,
): { key: SustainedWindowKey; weeks: number }[] {
  const keys: Record<number, SustainedWindowKey> = { 13: "weeks13", 26: "weeks26", 52: "weeks52" };
  const windows: { key: SustainedWindowKey; weeks: number }[] = SUSTAINED_SETTINGS.windowWeeks.map(
    (weeks) => ({ key: keys[weeks] ?? "weeks52", weeks }),
  );
  const isDistinct = windows.every(
    ({ weeks }) => Math.abs(weeks - yearToDateWeeks) >= SUSTAINED_SETTINGS.yearToDateMinimumGap,
  );
  if (isDistinct && yearToDateWeeks >= SUSTAINED_SETTINGS.yearToDateMinimumGap)
    windows.push({ key: "yearToDate", weeks: yearToDateWeeks });
  return windows;
}

export const SUSTAINED_LABELS: Record<"sv" | "en", Record<SustainedLevel, string>> = {
  sv: {
    sure: "Säker ökning",
    likely: "Trolig ökning",
    none: "Ingen säker ökning",
    too_few: "För få för att bedöma",
  },
  en: {
    sure: "Sure rise",
    likely: "Likely rise",
    none: "No sure rise",
    too_few: "Too few to judge",
  },
};

const WINDOW_LABELS: Record<"sv" | "en", Record<SustainedWindowKey, string>> = {
  sv: {
    weeks13: "De senaste 13 veckorna",
    weeks26: "De senaste 26 veckorna",
    weeks52: "De senaste 52 veckorna",
    yearToDate: "Hittills i år",
    period: "Perioden",
  },
  en: {
    weeks13: "The last 13 weeks",
    weeks26: "The last 26 weeks",
    weeks52: "The last 52 weeks",
    yearToDate: "The year to date",
    period: "The period",
  },
};

/** "De senaste 13 veckorna: +45 % jämfört med samma period i fjol (87 mot 60), säker ökning." */
export function describeSustained(
  assessment: Pick<SustainedAssessment, "level" | "window">,
  locale: "sv" | "en",
): string {
  const { window, level } = assessment;
  const verdict = SUSTAINED_LABELS[locale][level];
  if (!window) return verdict;
  const isSwedish = locale === "sv";
  const number = new Intl.NumberFormat(isSwedish ? "sv-SE" : "en-GB", { maximumFractionDigits: 0 });
  const counts = `${number.format(window.current)} ${isSwedish ? "mot" : "against"} ${number.format(window.earlier)}`;
  const label = WINDOW_LABELS[locale][window.key];
  if (window.changePercent === null) {
    return `${label}: ${counts} ${isSwedish ? "samma period i fjol" : "the same period last year"}, ${verdict.toLowerCase()}.`;
  }
  const sign = window.changePercent > 0 ? "+" : window.changePercent < 0 ? "−" : "±";
  const change = `${sign}${number.format(Math.abs(window.changePercent))} %`;
  const against = isSwedish ? "jämfört med samma period i fjol" : "against the same period last year";
  return `${label}: ${change} ${against} (${counts}), ${verdict.toLowerCase()}.`;
}

/** The days that hold data: from the first to the last day with a registered crime. */
export type Coverage = { first: LocalDate; last: LocalDate };

export type SustainedPlan = {
  /** The last day the windows include: the period's end, or the last day with data when earlier. */
  end: LocalDate;
  windows: { key: SustainedWindowKey; weeks: number; current: DateRange; earlier: DateRange }[];
  /** 4-week blocks ending with `end`, oldest first, for the dispersion. */
  blocks: DateRange[];
};

const shiftRange = (range: DateRange, days: number): DateRange => ({
  start: addDays(range.start, days),
  end: addDays(range.end, days),
});

/**
 * The date ranges the sustained flag compares for a period: the year and the quarter compare the
 * period itself (to the last day with data) with the same period a year earlier; shorter periods
 * compare the last 13, 26 and 52 weeks and the year to date with the same ISO weeks a year earlier.
 * Windows reaching back before the data begin are left out.
 */
export function sustainedPlan(period: Period, coverage: Coverage | null): SustainedPlan {
  const last = coverage && coverage.last < period.end ? coverage.last : period.end;
  const end = last < period.start ? period.end : last;
  const dataStart = coverage ? addDays(coverage.first, -SUSTAINED_SETTINGS.coverageSlackDays) : null;
  const lastYear = samePeriodLastYear(period);
  const windows: SustainedPlan["windows"] = [];
  if (period.kind === "year" || period.kind === "quarter") {
    const current = { start: period.start, end };
    const length = daysBetween(period.start, end);
    windows.push({
      key: "period",
      weeks: Math.max(1, Math.round((length + 1) / 7)),
      current,
      earlier: { start: lastYear.start, end: addDays(lastYear.start, length) },
    });
  } else {
    const shift = isWeekBased(period.kind) ? daysBetween(period.start, lastYear.start) : -364;
    const yearStart = yearToDate(period).start;
    const yearToDateDays = daysBetween(yearStart, end) + 1;
    for (const { key, weeks } of sustainedWindowLengths(Math.round(yearToDateDays / 7))) {
      if (key === "yearToDate") {
        if (yearToDateDays <= 0) continue;
        const earlierStart = lastYearToDate(period).start;
        windows.push({
          key,
          weeks,
          current: { start: yearStart, end },
          earlier: { start: earlierStart, end: addDays(earlierStart, yearToDateDays - 1) },
        });
        continue;
      }
      const current = { start: addDays(end, -7 * weeks + 1), end };
      windows.push({ key, weeks, current, earlier: shiftRange(current, shift) });
    }
  }
  const blocks: DateRange[] = [];
  for (let k = 0; k < SUSTAINED_SETTINGS.historyBlocks; k++) {
    const blockEnd = addDays(end, -SUSTAINED_SETTINGS.blockWeeks * 7 * k);
    blocks.unshift({ start: addDays(blockEnd, -SUSTAINED_SETTINGS.blockWeeks * 7 + 1), end: blockEnd });
  }
  const isCovered = (range: DateRange) => dataStart !== null && range.start >= dataStart;
  return {
    end,
    windows: windows.filter((window) => isCovered(window.earlier)),
    blocks: blocks.filter(isCovered),
  };
}
