import { describe, expect, it } from "vitest";
import { fitCountModel, solveLinear } from "../../shared/rising-model.ts";
import { createRandom } from "../../prisma/factories/random.ts";

describe("the count model", () => {
  it("solves small linear systems", () => {
    const x = solveLinear(
      [
        [4, 1, 2],
        [1, 3, 0],
        [2, 0, 5],
      ],
      [4 + 2 + 6, 1 + 6, 2 + 15],
    );
    expect(x?.map((v) => Number(v.toFixed(10)))).toEqual([1, 2, 3]);
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });

  it("recovers an exact trend and season, leaving no extra variation", () => {
    const perYear = 26;
    const values = Array.from({ length: 78 }, (_, t) =>
      Math.exp(Math.log(20) + (0.3 * t) / perYear + 0.4 * Math.sin((2 * Math.PI * t) / perYear)),
    );
    const model = fitCountModel(values, perYear);
    if (!model) throw new Error("no model");
    values.forEach((value, t) => {
      expect(model.fitted[t]).toBeCloseTo(value, 6);
    });
    // The season alone, without the trend: e^{0.4} at the peak against e^0 at the start.
    expect(model.seasonFactor(6.5) / model.seasonFactor(0)).toBeCloseTo(Math.exp(0.4), 6);
    expect(model.dispersion).toBe(1);
    expect(model.degreesOfFreedom).toBe(78 - 6);
    expect(model.seasonPValue).toBeLessThan(1e-10);
  });

  it("measures the dispersion as Pearson χ² over the residual degrees of freedom", () => {
    // A palindrome has no trend; shorter than a year, no season is fitted: the fit is the mean 20.
    const values = [10, 30, 30, 10, 10, 30, 30, 10];
    const model = fitCountModel(values, 26);
    expect(model?.fitted.every((mean) => Math.abs(mean - 20) < 1e-9)).toBe(true);
    // Pearson χ² = 8 × 10² / 20 = 40 over 8 − 2 degrees of freedom.
    expect(model?.dispersion).toBeCloseTo(40 / 6, 9);
  });

  it("finds no season in flat Poisson counts and a clear one in a strong summer", () => {
    const random = createRandom(5);
    const flat = Array.from({ length: 64 }, () => random.poisson(20));
    const summer = Array.from({ length: 64 }, (_, t) =>
      random.poisson(t % 26 >= 11 && t % 26 <= 16 ? 40 : 15),
    );
    expect(fitCountModel(flat, 26)?.seasonPValue).toBeGreaterThan(0.01);
    expect(fitCountModel(summer, 26)?.seasonPValue).toBeLessThan(1e-6);
  });

  it("declines series with nothing to fit", () => {
    expect(fitCountModel(new Array(30).fill(0), 26)).toBeNull();
    expect(fitCountModel([3, 4], 26)).toBeNull();
  });
});
