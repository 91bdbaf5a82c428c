import jStat from "jstat";

// The "rising" flag: is this period's count higher than chance would explain, given what the
// same category and area usually show? Method and its limits: docs/rising-flag.md.

export type RiseLevel = "clear" | "possible" | "normal" | "too_few";

export const RISE_SETTINGS = {
  /** One-sided p-value below which a rise is "tydlig" (clear). */
  clearP: 0.01,
  /** One-sided p-value below which a rise is "möjlig" (possible). */
  possibleP: 0.05,
  /** Below this expected count per period the test has too little to go on. */
  minimumExpected: 2,
  /** Recent periods in the baseline. */
  recentPeriods: 6,
  /** Periods either side of the same time of year, in each earlier year. */
  seasonalHalfWidth: 1,
  /** Earlier years used for the seasonal part of the baseline. */
  seasonalYears: 2,
} as const;

export type RiseAssessment = {
  level: RiseLevel;
  observed: number;
  expected: number;
  /** P(a count at least this high | the baseline), after allowing for extra variation; null when too few. */
  pValue: number | null;
  /** Variance over mean of the baseline (at least 1): how much more the counts vary than Poisson. */
  dispersion: number;
  baselineSize: number;
};

/** P(X ≥ observed) for X ~ Poisson(expected); continuous in `observed` for the quasi-Poisson scaling. */
export function poissonUpperTail(observed: number, expected: number): number {
  if (observed <= 0) return 1;
  if (expected <= 0) return 0;
  return jStat.lowRegGamma(observed, expected);
}

function meanOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Compares an observed count with a baseline of recent periods and the same season in earlier
 * years. The expected value is the baseline mean; counts that vary more than Poisson (dispersion
 * φ > 1) are scaled by 1/φ before the Poisson tail is taken (the quasi-Poisson approximation).
 */
export function assessRise(input: {
  observed: number;
  baseline: readonly number[];
  minimumExpected?: number;
}): RiseAssessment {
  const { observed, baseline } = input;
  const expected = baseline.length > 0 ? meanOf(baseline) : 0;
  const variance =
    baseline.length > 1
      ? baseline.reduce((sum, v) => sum + (v - expected) ** 2, 0) / (baseline.length - 1)
      : expected;
  const dispersion = expected > 0 && baseline.length >= 4 ? Math.max(1, variance / expected) : 1;
  const base = { observed, expected, dispersion, baselineSize: baseline.length };
  if (baseline.length < 3 || expected < (input.minimumExpected ?? RISE_SETTINGS.minimumExpected)) {
    return { ...base, level: "too_few", pValue: null };
  }
  const pValue = observed <= expected ? 1 : poissonUpperTail(observed / dispersion, expected / dispersion);
  const level: RiseLevel =
    pValue < RISE_SETTINGS.clearP ? "clear" : pValue < RISE_SETTINGS.possibleP ? "possible" : "normal";
  return { ...base, level, pValue };
}

/**
 * The baseline for period `index` of a regular series (counts per period, oldest first): the
 * `recentPeriods` before it, and the periods around the same time in each earlier year.
 */
export function baselineFor(series: readonly number[], index: number, periodsPerYear: number): number[] {
  const recent = series.slice(Math.max(0, index - RISE_SETTINGS.recentPeriods), index);
  const seasonal: number[] = [];
  for (let year = 1; year <= RISE_SETTINGS.seasonalYears; year++) {
    const centre = index - Math.round(year * periodsPerYear);
    for (let offset = -RISE_SETTINGS.seasonalHalfWidth; offset <= RISE_SETTINGS.seasonalHalfWidth; offset++) {
      const value = series[centre + offset];
      if (centre + offset >= 0 && value !== undefined) seasonal.push(value);
    }
  }
  return [...recent, ...seasonal];
}

export function assessSeriesAt(
  series: readonly number[],
  index: number,
  periodsPerYear: number,
): RiseAssessment {
  return assessRise({ observed: series[index] ?? 0, baseline: baselineFor(series, index, periodsPerYear) });
}

/** The naive rule many dashboards use, kept for comparison in the benchmark: more than +20 %. */
export function naiveRise(observed: number, previous: number): boolean {
  return previous > 0 ? observed > previous * 1.2 : observed > 0;
}

export const RISE_LABELS: Record<"sv" | "en", Record<RiseLevel, string>> = {
  sv: {
    clear: "Tydlig ökning",
    possible: "Möjlig ökning",
    normal: "Inom det normala",
    too_few: "För få för att bedöma",
  },
  en: {
    clear: "Clear rise",
    possible: "Possible rise",
    normal: "Within normal range",
    too_few: "Too few to judge",
  },
};
