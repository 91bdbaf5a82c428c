import { describe, expect, it } from "vitest";
import { periodContaining } from "../../shared/calendar.ts";
import {
  assessSustained,
  blockDispersion,
  describeSustained,
  maxNormalTail,
  sustainedPlan,
  weeklyWindows,
} from "../../shared/rising-over-time.ts";
import { createRandom } from "../../prisma/factories/random.ts";

/** P(X ≥ k) for X ~ Binomial(n, ½). */
function halfBinomialUpperTail(n: number, k: number) {
  let logChoose = 0;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) sum += Math.exp(logChoose - n * Math.LN2);
  }
  return sum;
}

/** 39 four-week blocks without any extra variation (dispersion 1). */
const steadyBlocks = new Array(39).fill(40);

describe("the family-wise tail of nested windows", () => {
  it("is the normal tail for one window", () => {
    expect(maxNormalTail(2.326, [13])).toBeCloseTo(0.01, 4);
  });

  it("matches the orthant probabilities of correlated normals at zero", () => {
    // Two windows, correlation √½: 1 − (¼ + arcsin(√½)/2π) = 0.625.
    expect(maxNormalTail(0, [1, 2])).toBeCloseTo(0.625, 3);
    // 13, 26, 52 weeks: correlations √½, √½, ½: 1 − (⅛ + (π/4 + π/4 + π/6)/4π) = 17/24.
    expect(maxNormalTail(0, [13, 26, 52])).toBeCloseTo(17 / 24, 3);
  });

  it("lies between the best window's p and Bonferroni's, and agrees with simulation", () => {
    const p = maxNormalTail(2.326, [13, 26, 52]);
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.03);
    const random = createRandom(3);
    const gaussian = () =>
      Math.sqrt(-2 * Math.log(random.next() || 1e-12)) * Math.cos(2 * Math.PI * random.next());
    let hits = 0;
    const draws = 100_000;
    for (let d = 0; d < draws; d++) {
      const a = gaussian() * Math.sqrt(13);
      const b = a + gaussian() * Math.sqrt(13);
      const c = b + gaussian() * Math.sqrt(26);
      if (Math.max(a / Math.sqrt(13), b / Math.sqrt(26), c / Math.sqrt(52)) >= 2.326) hits++;
    }
    expect(Math.abs(p - hits / draws)).toBeLessThan(0.0015);
  });
});

describe("the sustained flag", () => {
  it("tests one window with the binomial test conditional on both years' total", () => {
    const modest = assessSustained({
      windows: [{ key: "period", weeks: 52, current: 350, earlier: 300 }],
      blocks: steadyBlocks,
    });
    expect(modest.dispersion).toBe(1);
    expect(modest.pValue).toBeCloseTo(halfBinomialUpperTail(650, 350), 8);
    expect(modest.level).toBe("none");
    expect(modest.window?.changePercent).toBeCloseTo(50 / 3, 10);
    const strong = assessSustained({
      windows: [{ key: "period", weeks: 52, current: 400, earlier: 300 }],
      blocks: steadyBlocks,
    });
    expect(strong.pValue).toBeCloseTo(halfBinomialUpperTail(700, 400), 10);
    expect(strong.level).toBe("sure");
  });

  it("allows for having looked at several windows", () => {
    const windows = [
      { key: "weeks13" as const, weeks: 13, current: 78, earlier: 45 },
      { key: "weeks26" as const, weeks: 26, current: 110, earlier: 95 },
      { key: "weeks52" as const, weeks: 52, current: 205, earlier: 200 },
    ];
    const result = assessSustained({ windows, blocks: steadyBlocks });
    const best = halfBinomialUpperTail(123, 78);
    expect(result.window?.key).toBe("weeks13");
    expect(result.windows[0]?.pValue).toBeCloseTo(best, 8);
    // The family-wise p is larger than the best window's, smaller than three times it.
    expect(result.pValue ?? 0).toBeGreaterThan(best * 1.5);
    expect(result.pValue ?? 1).toBeLessThan(best * 3);
    expect(result.level).toBe("likely");
  });

  it("is more cautious when 4-week sums vary more than Poisson, and leaves windows under 6 a fortnight untested", () => {
    const jumpy = Array.from({ length: 39 }, (_, k) => ([0, 3].includes(k % 4) ? 20 : 60));
    const dispersion = blockDispersion(jumpy) ?? 0;
    expect(dispersion).toBeGreaterThan(8);
    const result = assessSustained({
      windows: [{ key: "period", weeks: 52, current: 400, earlier: 300 }],
      blocks: jumpy,
    });
    expect(result.dispersion).toBe(dispersion);
    expect(result.level).toBe("none");
    const thin = assessSustained({
      windows: [{ key: "weeks13", weeks: 13, current: 45, earlier: 32 }],
      blocks: steadyBlocks,
    });
    expect(thin).toMatchObject({ level: "too_few", pValue: null });
  });

  it("sums windows of a weekly series against the same weeks a year earlier", () => {
    const weekly = Array.from({ length: 120 }, (_, t) => t);
    const windows = weeklyWindows({ weekly, lastIndex: 119, yearShift: 52, yearToDateWeeks: 20 });
    const sum = (from: number, to: number) => ((from + to) * (to - from + 1)) / 2;
    expect(windows).toEqual([
      { key: "weeks13", weeks: 13, current: sum(107, 119), earlier: sum(55, 67) },
      { key: "weeks26", weeks: 26, current: sum(94, 119), earlier: sum(42, 67) },
      { key: "weeks52", weeks: 52, current: sum(68, 119), earlier: sum(16, 67) },
      { key: "yearToDate", weeks: 20, current: sum(100, 119), earlier: sum(48, 67) },
    ]);
  });

  it("flags a steady climb of 30 % a year and leaves a flat series alone", () => {
    const random = createRandom(11);
    const blocksOf = (weekly: number[]) =>
      Array.from({ length: 39 }, (_, k) => weekly.slice(4 * k + 52, 4 * k + 56).reduce((a, b) => a + b, 0));
    const climbing = Array.from({ length: 208 }, (_, t) => random.poisson(10 * 1.3 ** ((t - 182) / 52)));
    const flat = Array.from({ length: 208 }, () => random.poisson(10));
    const at = (weekly: number[]) =>
      assessSustained({
        windows: weeklyWindows({ weekly, lastIndex: 207, yearShift: 52, yearToDateWeeks: 0 }),
        blocks: blocksOf(weekly),
      });
    expect(at(climbing).level).toBe("sure");
    expect(at(climbing).window?.key).toBe("weeks52");
    expect(at(flat).level).toBe("none");
  });

  it("says the change in plain words, and that +45 % on small counts is no sure rise", () => {
    const small = assessSustained({
      windows: [{ key: "weeks13", weeks: 13, current: 87, earlier: 60 }],
      blocks: steadyBlocks,
    });
    expect(describeSustained(small, "sv")).toBe(
      "De senaste 13 veckorna: +45 % jämfört med samma period i fjol (87 mot 60), ingen säker ökning.",
    );
    const large = assessSustained({
      windows: [{ key: "period", weeks: 52, current: 1450, earlier: 1000 }],
      blocks: steadyBlocks,
    });
    expect(describeSustained(large, "sv")).toBe(
      "Perioden: +45 % jämfört med samma period i fjol (1\u00a0450 mot 1\u00a0000), säker ökning.",
    );
    expect(describeSustained(large, "en")).toBe(
      "The period: +45 % against the same period last year (1,450 against 1,000), sure rise.",
    );
  });
});

describe("the windows of a period", () => {
  const coverage = { first: "2022-01-01", last: "2023-12-31" };

  it("takes the last 13, 26 and 52 weeks to the last day with data, against the same ISO weeks of 2022", () => {
    const plan = sustainedPlan(periodContaining("biweek", "2023-12-31", "2024-01-08"), coverage);
    expect(plan.end).toBe("2023-12-31");
    expect(plan.windows).toEqual([
      {
        key: "weeks13",
        weeks: 13,
        current: { start: "2023-10-02", end: "2023-12-31" },
        earlier: { start: "2022-10-03", end: "2023-01-01" },
      },
      {
        key: "weeks26",
        weeks: 26,
        current: { start: "2023-07-03", end: "2023-12-31" },
        earlier: { start: "2022-07-04", end: "2023-01-01" },
      },
      {
        key: "weeks52",
        weeks: 52,
        current: { start: "2023-01-02", end: "2023-12-31" },
        earlier: { start: "2022-01-03", end: "2023-01-01" },
      },
    ]);
    // Two years of data: 26 blocks of 4 weeks, the oldest beginning with ISO week 1 of 2022.
    expect(plan.blocks).toHaveLength(26);
    expect(plan.blocks[0]).toEqual({ start: "2022-01-03", end: "2022-01-30" });
    expect(plan.blocks.at(-1)).toEqual({ start: "2023-12-04", end: "2023-12-31" });
  });

  it("compares a year with the year before, and a quarter with the same quarter", () => {
    const year = sustainedPlan(periodContaining("year", "2023-06-01", "2024-01-08"), coverage);
    expect(year.windows).toEqual([
      {
        key: "period",
        weeks: 52,
        current: { start: "2023-01-01", end: "2023-12-31" },
        earlier: { start: "2022-01-01", end: "2022-12-31" },
      },
    ]);
    const quarter = sustainedPlan(periodContaining("quarter", "2023-05-01", "2024-01-08"), coverage);
    expect(quarter.windows[0]).toMatchObject({
      current: { start: "2023-04-01", end: "2023-06-30" },
      earlier: { start: "2022-04-01", end: "2022-06-30" },
    });
  });

  it("adds the year to date when it is distinct, and leaves out windows reaching before the data", () => {
    const plan = sustainedPlan(periodContaining("biweek", "2023-05-14", "2024-01-08"), coverage);
    expect(plan.windows.map((window) => [window.key, window.weeks])).toEqual([
      ["weeks13", 13],
      ["yearToDate", 19],
    ]);
    expect(plan.windows[1]).toMatchObject({
      current: { start: "2023-01-02", end: "2023-05-14" },
      earlier: { start: "2022-01-03", end: "2022-05-15" },
    });
    expect(sustainedPlan(periodContaining("year", "2022-06-01", "2024-01-08"), coverage).windows).toEqual([]);
  });
});
