import jStat from "jstat";
import { fitCountModel } from "./rising-model.ts";

// The period flag: is this period's count (or the last two periods' together) higher than chance
// would explain, given what the same category and area usually show? Method, calibration and
// limits: docs/rising-flag.md.

export type RiseLevel = "clear" | "possible" | "normal" | "too_few";

export const RISE_SETTINGS = {
  /** p below which a rise is "tydlig" (clear). */
  clearP: 0.01,
  /** p below which a rise is "möjlig" (possible); calibrated so a flat series is flagged at most once a year. */
  possibleP: 0.027,
  /** Below this expected count per period the flag says "för få för att bedöma". */
  minimumExpected: 6,
  /** Recent periods in the baseline. */
  recentPeriods: 16,
  /** Periods either side of the same time of year, in each earlier year. */
  seasonalHalfWidth: 1,
  /** Earlier years used for the seasonal part of the baseline. */
  seasonalYears: 2,
  /** The baseline is adjusted for season only when the fitted season is this significant. */
  seasonP: 0.01,
  /** Periods of history the dispersion model is fitted to. */
  modelPeriods: 64,
} as const;

export type RiseAssessment = {
  level: RiseLevel;
  /** This period's count. */
  observed: number;
  /** This period's expected count (the baseline's mean, adjusted for season when there is one). */
  expected: number;
  /** The smaller p of the two windows (this period, the last two periods); null when too few. */
  pValue: number | null;
  /** How much more the counts vary than Poisson, after trend and season (at least 1). */
  dispersion: number;
  baselineSize: number;
  /** The window the p belongs to: this period alone or the last two together. */
  periods: 1 | 2;
  windowObserved: number;
  windowExpected: number;
};

/** P(X ≥ observed) for X ~ Poisson(expected); continuous in `observed` for the quasi-Poisson scaling. */
export function poissonUpperTail(observed: number, expected: number): number {
  if (observed <= 0) return 1;
  if (expected <= 0) return 0;
  return jStat.lowRegGamma(observed, expected);
}

/**
 * The conditional test of two Poisson rates, with quasi-Poisson scaling: given `observed` counts
 * over `observedExposure` and `reference` counts over `referenceExposure` at the same rate, the
 * chance of an observed share at least this high. Unlike a Poisson tail around the reference mean,
 * it allows for the reference being an estimate too. Continuous in the counts (regularized beta).
 */
export function rateRatioUpperTail(input: {
  observed: number;
  observedExposure: number;
  reference: number;
  referenceExposure: number;
  dispersion?: number;
}): number {
  const { observed, reference, observedExposure, referenceExposure } = input;
  const dispersion = input.dispersion ?? 1;
  if (observed <= 0 || observed * referenceExposure <= reference * observedExposure) return 1;
  const share = observedExposure / (observedExposure + referenceExposure);
  return jStat.ibeta(share, observed / dispersion, reference / dispersion + 1);
}

/** Indices of the baseline for period `index`: the recent periods and the same season in earlier years. */
export function baselineIndices(index: number, periodsPerYear: number, firstIndex = 0): number[] {
  const indices: number[] = [];
  for (let i = Math.max(firstIndex, index - RISE_SETTINGS.recentPeriods); i < index; i++) indices.push(i);
  for (let year = 1; year <= RISE_SETTINGS.seasonalYears; year++) {
    const centre = index - Math.round(year * periodsPerYear);
    for (let offset = -RISE_SETTINGS.seasonalHalfWidth; offset <= RISE_SETTINGS.seasonalHalfWidth; offset++) {
      const i = centre + offset;
      if (i >= firstIndex && i < index - RISE_SETTINGS.recentPeriods) indices.push(i);
    }
  }
  return indices;
}

/** The baseline's values for period `index` of a regular series (counts per period, oldest first). */
export function baselineFor(series: readonly number[], index: number, periodsPerYear: number): number[] {
  return baselineIndices(index, periodsPerYear).map((i) => series[i] ?? 0);
}

function meanOf(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

/** Dispersion and season of the periods before the tested ones; the baseline's spread when too short to model. */
function noiseModel(series: readonly number[], index: number, periodsPerYear: number, firstIndex: number) {
  const start = Math.max(firstIndex, index - 1 - RISE_SETTINGS.modelPeriods);
  const history = series.slice(start, Math.max(start, index - 1));
  const model = fitCountModel(history, periodsPerYear);
  if (model) {
    const hasSeason = model.seasonPValue < RISE_SETTINGS.seasonP;
    return {
      dispersion: model.dispersion,
      season: (i: number) => (hasSeason ? model.seasonFactor(i - start) : 1),
    };
  }
  const baseline = baselineIndices(index, periodsPerYear, firstIndex).map((i) => series[i] ?? 0);
  const mean = meanOf(baseline);
  const variance =
    baseline.length > 1
      ? baseline.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (baseline.length - 1)
      : mean;
  return {
    dispersion: mean > 0 && baseline.length >= 4 ? Math.max(1, variance / mean) : 1,
    season: () => 1,
  };
}

/**
 * The flag for period `index` of a regular series (counts per period, oldest first; values before
 * `firstIndex` are not data). Two windows are tested against their own baselines: this period, and
 * the last two periods together (a rise that lasts shows there sooner). Each baseline's mean is
 * adjusted for season when the series has a clear one; the dispersion comes from a model of the
 * history with trend and season (docs/rising-flag.md).
 */
export function assessSeriesAt(
  series: readonly number[],
  index: number,
  periodsPerYear: number,
  options: { firstIndex?: number } = {},
): RiseAssessment {
  const firstIndex = options.firstIndex ?? 0;
  const observed = series[index] ?? 0;
  const plain = baselineIndices(index, periodsPerYear, firstIndex);
  const plainExpected = meanOf(plain.map((i) => series[i] ?? 0));
  // Far below the minimum no season could lift the expected count to it: too few, without a model.
  if (plain.length < 3 || plainExpected < RISE_SETTINGS.minimumExpected / 3) {
    return {
      level: "too_few",
      observed,
      expected: plainExpected,
      pValue: null,
      dispersion: 1,
      baselineSize: plain.length,
      periods: 1,
      windowObserved: observed,
      windowExpected: plainExpected,
    };
  }
  const noise = noiseModel(series, index, periodsPerYear, firstIndex);
  const window = (targets: number[]) => {
    const indices = baselineIndices(targets[0] ?? index, periodsPerYear, firstIndex);
    const targetSeason = meanOf(targets.map(noise.season));
    const reference = indices.reduce(
      (sum, i) => sum + ((series[i] ?? 0) * targetSeason) / noise.season(i),
      0,
    );
    const windowObserved = targets.reduce((sum, i) => sum + (series[i] ?? 0), 0);
    const windowExpected = indices.length > 0 ? (reference * targets.length) / indices.length : 0;
    const pValue = rateRatioUpperTail({
      observed: windowObserved,
      observedExposure: targets.length,
      reference,
      referenceExposure: indices.length,
      dispersion: noise.dispersion,
    });
    return { size: indices.length, windowObserved, windowExpected, pValue };
  };
  const single = window([index]);
  const base = {
    observed,
    expected: single.windowExpected,
    dispersion: noise.dispersion,
    baselineSize: single.size,
  };
  if (single.size < 3 || single.windowExpected < RISE_SETTINGS.minimumExpected) {
    return {
      ...base,
      level: "too_few",
      pValue: null,
      periods: 1,
      windowObserved: observed,
      windowExpected: single.windowExpected,
    };
  }
  const pair = index - 1 >= firstIndex ? window([index - 1, index]) : null;
  const decisive =
    pair && pair.size >= 3 && pair.pValue < single.pValue
      ? { ...pair, periods: 2 as const }
      : { ...single, periods: 1 as const };
  const level: RiseLevel =
    decisive.pValue < RISE_SETTINGS.clearP
      ? "clear"
      : decisive.pValue < RISE_SETTINGS.possibleP
        ? "possible"
        : "normal";
  return {
    ...base,
    level,
    pValue: decisive.pValue,
    periods: decisive.periods,
    windowObserved: decisive.windowObserved,
    windowExpected: decisive.windowExpected,
  };
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
