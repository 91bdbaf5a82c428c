import { describe, expect, it } from "vitest";
import { classOf, percentChange, quantileBreaks, ratePerThousand } from "../../shared/rates.ts";

describe("rates", () => {
  it("computes incidents per 1,000 inhabitants", () => {
    expect(ratePerThousand(25, 2500)).toBe(10);
    expect(ratePerThousand(3, 1200)).toBeCloseTo(2.5);
    expect(ratePerThousand(5, 0)).toBeNull();
    expect(ratePerThousand(5, null)).toBeNull();
  });

  it("computes change in percent only when there is a base", () => {
    expect(percentChange(15, 10)).toBe(50);
    expect(percentChange(5, 10)).toBe(-50);
    expect(percentChange(4, 0)).toBeNull();
  });

  it("makes increasing quantile breaks and classifies values", () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, null], 4);
    expect(breaks).toHaveLength(3);
    expect(breaks[0]).toBeLessThan(breaks[1] ?? 0);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(8, breaks)).toBe(3);
    expect(quantileBreaks([2, 2, 2], 4)).toEqual([2]);
    expect(quantileBreaks([], 4)).toEqual([]);
  });
});
