import { describe, expect, it } from "vitest";
import {
  assessSeriesAt,
  baselineFor,
  baselineIndices,
  naiveRise,
  poissonUpperTail,
  rateRatioUpperTail,
} from "../../shared/rising.ts";
import { createRandom } from "../../prisma/factories/random.ts";

const PERIODS_PER_YEAR = 26;

/** P(X ≥ k) for X ~ Binomial(n, p), summed term by term in log space. */
function binomialUpperTail(n: number, p: number, k: number) {
  let logChoose = 0;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) sum += Math.exp(logChoose + i * Math.log(p) + (n - i) * Math.log(1 - p));
  }
  return sum;
}

/** Three years of biweekly Poisson counts at `base`, the last `riseLength` periods multiplied by `rise`. */
function series(seed: number, base: number, rise = 1, riseLength = 2) {
  const random = createRandom(seed);
  const length = PERIODS_PER_YEAR * 3;
  return Array.from({ length }, (_, i) => random.poisson(base * (i >= length - riseLength ? rise : 1)));
}

describe("the tails", () => {
  it("match the Poisson tail computed by hand", () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 3)).toBeCloseTo(1 - Math.exp(-3), 12);
    expect(poissonUpperTail(2, 3)).toBeCloseTo(1 - Math.exp(-3) * (1 + 3), 12);
    expect(poissonUpperTail(10, 2)).toBeLessThan(0.0001);
  });

  it("compare two rates as the binomial test conditional on their total does", () => {
    // 15 against 5 over equal exposures: P(Bin(20, ½) ≥ 15) = 21 700 / 2^20.
    const even = rateRatioUpperTail({
      observed: 15,
      observedExposure: 1,
      reference: 5,
      referenceExposure: 1,
    });
    expect(even).toBeCloseTo(21_700 / 2 ** 20, 10);
    expect(even).toBeCloseTo(binomialUpperTail(20, 0.5, 15), 10);
    // One period against a baseline of four: P(Bin(14, 1/5) ≥ 6).
    const baseline = rateRatioUpperTail({
      observed: 6,
      observedExposure: 1,
      reference: 8,
      referenceExposure: 4,
    });
    expect(baseline).toBeCloseTo(binomialUpperTail(14, 0.2, 6), 10);
    // Twice the variance of Poisson is the same test on half the counts.
    const scaled = rateRatioUpperTail({
      observed: 30,
      observedExposure: 1,
      reference: 10,
      referenceExposure: 1,
      dispersion: 2,
    });
    expect(scaled).toBeCloseTo(even, 10);
    // No rise at all: no evidence of one.
    expect(rateRatioUpperTail({ observed: 8, observedExposure: 2, reference: 4, referenceExposure: 1 })).toBe(
      1,
    );
  });
});

describe("the baseline", () => {
  it("takes the 16 periods before and the same season ±1 period in each of the two years before", () => {
    const values = Array.from({ length: 60 }, (_, i) => i);
    const recent = Array.from({ length: 16 }, (_, i) => 43 + i);
    expect(baselineFor(values, 59, 26)).toEqual([...recent, 32, 33, 34, 6, 7, 8]);
  });

  it("leaves out periods before the data begin", () => {
    expect(baselineIndices(59, 26, 30)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => 43 + i),
      32,
      33,
      34,
    ]);
  });
});

describe("the period flag", () => {
  it("calls an expected count below 6 too few to judge", () => {
    const five = new Array(40).fill(5);
    expect(assessSeriesAt([...five, 15], 40, 26).level).toBe("too_few");
    const six = new Array(40).fill(6);
    expect(assessSeriesAt([...six, 6], 40, 26)).toMatchObject({ level: "normal", expected: 6 });
  });

  it("tests the current period and the last two together against their own baselines", () => {
    const flat = new Array(60).fill(20);
    // 28 in one period: P(Bin(28 + 22·20, 1/23) ≥ 28), not enough for a flag.
    const one = assessSeriesAt([...flat, 28], 60, 26);
    expect(one).toMatchObject({ level: "normal", periods: 1, expected: 20, dispersion: 1 });
    expect(one.pValue).toBeCloseTo(binomialUpperTail(28 + 440, 1 / 23, 28), 8);
    // 28 twice: the pair, 56 against 2 × 20, is P(Bin(56 + 440, 2/24) ≥ 56) and flags.
    const two = assessSeriesAt([...flat, 28, 28], 61, 26);
    expect(two).toMatchObject({ level: "possible", periods: 2, windowObserved: 56, windowExpected: 40 });
    expect(two.pValue).toBeCloseTo(binomialUpperTail(56 + 440, 2 / 24, 56), 8);
    expect(two.pValue ?? 1).toBeLessThan(0.027);
    expect(two.pValue ?? 0).toBeGreaterThan(0.01);
    expect(assessSeriesAt([...flat, 40], 60, 26).level).toBe("clear");
  });

  it("adjusts the baseline for a clear season, so an ordinary summer peak is not a rise", () => {
    const seasonal = Array.from({ length: 79 }, (_, t) =>
      Math.round(20 * Math.exp(0.5 * Math.cos((2 * Math.PI * t) / 26))),
    );
    const peak = assessSeriesAt(seasonal, 78, 26);
    expect(seasonal[78]).toBe(33);
    expect(peak.expected).toBeGreaterThan(31.5);
    expect(peak.expected).toBeLessThan(34.5);
    expect(peak.level).toBe("normal");
  });

  it("is more cautious when the counts vary more than Poisson", () => {
    const steady = Array.from({ length: 64 }, () => 20);
    const jumpy = Array.from({ length: 64 }, (_, t) => ([0, 3].includes(t % 4) ? 10 : 30));
    const calm = assessSeriesAt([...steady, 32], 64, 26);
    const wild = assessSeriesAt([...jumpy, 32], 64, 26);
    // Residuals of ±10 around 20: Pearson 5 per period over 62 of 64 degrees of freedom, less the season.
    expect(wild.dispersion).toBeGreaterThan(5);
    expect(wild.dispersion).toBeLessThan(6);
    expect(wild.pValue ?? 0).toBeGreaterThan(calm.pValue ?? 1);
    expect(calm.level).toBe("clear");
    expect(wild.level).toBe("normal");
  });

  it("detects planted +50 % rises at base 20 within two periods and rarely flags series without a rise", () => {
    const runs = 200;
    let detected = 0;
    let falseAlarms = 0;
    let naiveFalseAlarms = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const risen = series(seed, 20, 1.5);
      const firstTwo = [risen.length - 2, risen.length - 1].map(
        (i) => assessSeriesAt(risen, i, PERIODS_PER_YEAR).level,
      );
      if (firstTwo.includes("clear") || firstTwo.includes("possible")) detected++;
      const flat = series(seed + 10_000, 20);
      const flag = assessSeriesAt(flat, flat.length - 1, PERIODS_PER_YEAR);
      if (flag.level === "clear" || flag.level === "possible") falseAlarms++;
      if (naiveRise(flat.at(-1) ?? 0, flat.at(-2) ?? 0)) naiveFalseAlarms++;
    }
    expect(detected / runs).toBeGreaterThan(0.75);
    // At most one a year over 26 periods is 3.8 % of looks.
    expect(falseAlarms / runs).toBeLessThan(0.06);
    expect(naiveFalseAlarms).toBeGreaterThan(falseAlarms * 5);
  });
});
