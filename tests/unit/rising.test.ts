import { describe, expect, it } from "vitest";
import { assessRise, assessSeriesAt, baselineFor, naiveRise, poissonUpperTail } from "../../shared/rising.ts";
import { createRandom } from "../factories/random.ts";

const PERIODS_PER_YEAR = 26;

/** Three years of biweekly Poisson counts at `base`, the last `riseLength` periods multiplied by `rise`. */
function series(seed: number, base: number, rise = 1, riseLength = 2) {
  const random = createRandom(seed);
  const length = PERIODS_PER_YEAR * 3;
  return Array.from({ length }, (_, i) => random.poisson(base * (i >= length - riseLength ? rise : 1)));
}

describe("the Poisson tail", () => {
  it("matches values computed by hand", () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 3)).toBeCloseTo(1 - Math.exp(-3), 12);
    expect(poissonUpperTail(2, 3)).toBeCloseTo(1 - Math.exp(-3) * (1 + 3), 12);
    expect(poissonUpperTail(10, 2)).toBeLessThan(0.0001);
  });
});

describe("the rising flag", () => {
  it("calls small counts too few to judge instead of flagging them", () => {
    expect(assessRise({ observed: 3, baseline: [1, 0, 1, 0, 1, 0] }).level).toBe("too_few");
    expect(assessRise({ observed: 3, baseline: [] }).level).toBe("too_few");
  });

  it("grades a count far above its baseline as clear, a little above as normal", () => {
    const baseline = [20, 18, 22, 19, 21, 20, 20, 19, 21];
    expect(assessRise({ observed: 40, baseline }).level).toBe("clear");
    expect(assessRise({ observed: 23, baseline }).level).toBe("normal");
    expect(assessRise({ observed: 15, baseline })).toMatchObject({ level: "normal", pValue: 1 });
  });

  it("is more cautious when the baseline varies more than Poisson", () => {
    const steady = assessRise({ observed: 32, baseline: [20, 21, 19, 20, 20, 21, 19, 20] });
    const jumpy = assessRise({ observed: 32, baseline: [5, 35, 10, 30, 20, 40, 8, 12] });
    expect(jumpy.dispersion).toBeGreaterThan(3);
    expect(jumpy.pValue ?? 0).toBeGreaterThan(steady.pValue ?? 1);
  });

  it("builds the baseline from recent periods and the same season in the two years before", () => {
    const values = Array.from({ length: 60 }, (_, i) => i);
    expect(baselineFor(values, 59, 26)).toEqual([53, 54, 55, 56, 57, 58, 32, 33, 34, 6, 7, 8]);
  });

  it("detects planted doublings at base 20 within two periods and rarely flags series without a rise", () => {
    const runs = 200;
    let detected = 0;
    let falseAlarms = 0;
    let naiveFalseAlarms = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const risen = series(seed, 20, 2);
      const firstTwo = [risen.length - 2, risen.length - 1].map(
        (i) => assessSeriesAt(risen, i, PERIODS_PER_YEAR).level,
      );
      if (firstTwo.includes("clear")) detected++;
      const flat = series(seed + 10_000, 20);
      const flag = assessSeriesAt(flat, flat.length - 1, PERIODS_PER_YEAR);
      if (flag.level === "clear" || flag.level === "possible") falseAlarms++;
      if (naiveRise(flat.at(-1) ?? 0, flat.at(-2) ?? 0)) naiveFalseAlarms++;
    }
    expect(detected / runs).toBeGreaterThan(0.95);
    expect(falseAlarms / runs).toBeLessThan(0.08);
    // The "+20 %" rule raises far more false alarms on the same flat series.
    expect(naiveFalseAlarms).toBeGreaterThan(falseAlarms * 3);
  });
});
