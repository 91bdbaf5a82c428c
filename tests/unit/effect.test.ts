import { describe, expect, it } from "vitest";
import { daysBetween } from "../../shared/calendar.ts";
import {
  describeEffect,
  type Effect,
  effectWindows,
  estimateEffect,
  formatSignedPercent,
} from "../../shared/effect.ts";

const Z = 1.959963984540054;
/** Swedish text uses no-break spaces; tests compare against ordinary ones for readability. */
const plain = (text: string) => text.replaceAll("\u00a0", " ");

function estimated(effect: Effect) {
  if (effect.verdict === "too_few") throw new Error("expected an estimate");
  return effect;
}

describe("the ratio of rate ratios", () => {
  it("matches an interval computed by hand", () => {
    const effect = estimated(
      estimateEffect({ before: 80, after: 50, comparisonBefore: 60, comparisonAfter: 66 }),
    );
    // (50/80) / (66/60) = 0.625 / 1.1; variance 1/80 + 1/50 + 1/60 + 1/66 = 0.0643182.
    const ratio = 0.625 / 1.1;
    const standardError = Math.sqrt(0.0125 + 0.02 + 1 / 60 + 1 / 66);
    expect(effect.method).toBe("difference_in_differences");
    expect(effect.ratio).toBeCloseTo(0.568182, 6);
    expect(effect.logStandardError).toBeCloseTo(standardError, 12);
    expect(effect.interval.lower).toBeCloseTo(ratio * Math.exp(-Z * standardError), 12);
    expect(effect.interval.upper).toBeCloseTo(ratio * Math.exp(Z * standardError), 12);
    expect(effect.interval.lower).toBeCloseTo(0.345632, 5);
    expect(effect.interval.upper).toBeCloseTo(0.93403, 5);
    expect(effect.percentChange).toBeCloseTo(-43.1818, 4);
    expect(effect.percentInterval.lower).toBeCloseTo(-65.4368, 3);
    expect(effect.percentInterval.upper).toBeCloseTo(-6.597, 3);
    expect(effect.verdict).toBe("decrease");
    expect(effect.isZeroCorrected).toBe(false);
  });

  it("is symmetric on the log scale, and swapping before and after inverts it", () => {
    const effect = estimated(
      estimateEffect({ before: 37, after: 21, comparisonBefore: 140, comparisonAfter: 118 }),
    );
    const below = Math.log(effect.ratio) - Math.log(effect.interval.lower);
    const above = Math.log(effect.interval.upper) - Math.log(effect.ratio);
    expect(below).toBeCloseTo(above, 12);
    expect(below).toBeCloseTo(Z * Math.sqrt(1 / 37 + 1 / 21 + 1 / 140 + 1 / 118), 12);
    const swapped = estimated(
      estimateEffect({ before: 21, after: 37, comparisonBefore: 118, comparisonAfter: 140 }),
    );
    expect(swapped.ratio).toBeCloseTo(1 / effect.ratio, 12);
    expect(swapped.interval.lower).toBeCloseTo(1 / effect.interval.upper, 12);
    expect(swapped.interval.upper).toBeCloseTo(1 / effect.interval.lower, 12);
  });

  it("adds 0.5 to every cell when a count is zero", () => {
    const effect = estimated(
      estimateEffect({ before: 12, after: 0, comparisonBefore: 20, comparisonAfter: 21 }),
    );
    expect(effect.isZeroCorrected).toBe(true);
    expect(effect.ratio).toBeCloseTo(0.5 / 12.5 / (21.5 / 20.5), 12);
    expect(effect.logStandardError).toBeCloseTo(Math.sqrt(1 / 12.5 + 1 / 0.5 + 1 / 20.5 + 1 / 21.5), 12);
    expect(Number.isFinite(effect.interval.lower)).toBe(true);
    expect(effect.verdict).toBe("decrease");
    // A zero in the comparison area corrects the insats area's cells too.
    const comparisonZero = estimated(
      estimateEffect({ before: 10, after: 10, comparisonBefore: 12, comparisonAfter: 0 }),
    );
    expect(comparisonZero.ratio).toBeCloseTo(10.5 / 10.5 / (0.5 / 12.5), 12);
    expect(comparisonZero.verdict).toBe("increase");
  });

  it("gives each verdict", () => {
    const verdict = (before: number, after: number, comparisonBefore: number, comparisonAfter: number) =>
      estimateEffect({ before, after, comparisonBefore, comparisonAfter }).verdict;
    expect(verdict(80, 50, 60, 66)).toBe("decrease");
    expect(verdict(50, 80, 66, 60)).toBe("increase");
    // Ratio 0.61 but the interval (0.35 to 1.05) still covers 1.
    expect(verdict(60, 40, 50, 55)).toBe("no_clear_difference");
  });

  it("calls fewer than 10 incidents in either area too few, and 10 enough", () => {
    expect(
      estimateEffect({ before: 5, after: 4, comparisonBefore: 100, comparisonAfter: 100 }),
    ).toMatchObject({
      verdict: "too_few",
      ratio: null,
      interval: null,
    });
    expect(estimateEffect({ before: 100, after: 20, comparisonBefore: 9, comparisonAfter: 0 }).verdict).toBe(
      "too_few",
    );
    expect(estimateEffect({ before: 8, after: 1 }).verdict).toBe("too_few");
    // 10 before, none after: a clear fall even after the zero correction.
    expect(estimateEffect({ before: 10, after: 0, comparisonBefore: 10, comparisonAfter: 10 }).verdict).toBe(
      "decrease",
    );
  });

  it("falls back to a before/after ratio that says it does not adjust for the trend", () => {
    const effect = estimated(estimateEffect({ before: 40, after: 22, comparisonBefore: null }));
    expect(effect.method).toBe("before_after");
    expect(effect.adjustsForTrend).toBe(false);
    expect(effect.ratio).toBeCloseTo(0.55, 12);
    expect(effect.logStandardError).toBeCloseTo(Math.sqrt(1 / 40 + 1 / 22), 12);
    expect(effect.verdict).toBe("decrease");
    expect(plain(describeEffect(effect, "sv"))).toBe(
      "−45 % jämfört med före insatsen (95 % intervall −67 % till −7 %): säker minskning. " +
        "Obs: inget jämförelseområde, så skillnaden kan bero på en allmän trend och inte på insatsen.",
    );
  });

  it("refuses one comparison count without the other, and counts that are not whole and ≥ 0", () => {
    expect(() => estimateEffect({ before: 40, after: 22, comparisonBefore: 30 })).toThrow(RangeError);
    expect(() => estimateEffect({ before: -1, after: 22 })).toThrow(RangeError);
    expect(() => estimateEffect({ before: 40, after: 2.5 })).toThrow(RangeError);
  });
});

describe("the effect in words", () => {
  it("writes Swedish with a decimal comma, a minus sign and a space before %", () => {
    expect(formatSignedPercent(-32.4, "sv")).toBe("\u221232\u00a0%");
    expect(formatSignedPercent(25.2, "sv")).toBe("+25\u00a0%");
    expect(formatSignedPercent(-0.04, "sv")).toBe("\u22120,04\u00a0%");
    expect(formatSignedPercent(1234.6, "sv")).toBe("+1\u00a0235\u00a0%");
    expect(formatSignedPercent(0, "sv")).toBe("0\u00a0%");
    expect(formatSignedPercent(-0.4, "en")).toBe("\u22120.4%");
  });

  it("describes a decrease, no clear difference and too few, Swedish and English", () => {
    const decrease = estimateEffect({ before: 150, after: 102, comparisonBefore: 150, comparisonAfter: 150 });
    expect(plain(describeEffect(decrease, "sv"))).toBe(
      "−32 % jämfört med jämförelseområdet (95 % intervall −52 % till −5 %): säker minskning",
    );
    expect(describeEffect(decrease, "en")).toBe(
      "−32% compared with the comparison area (95% interval −52% to −5%): clear decrease",
    );
    const unclear = estimateEffect({ before: 60, after: 40, comparisonBefore: 50, comparisonAfter: 55 });
    expect(plain(describeEffect(unclear, "sv"))).toBe(
      "ingen säker skillnad jämfört med jämförelseområdet (intervallet −65 % till +5 % täcker noll)",
    );
    const increase = estimateEffect({ before: 50, after: 80, comparisonBefore: 66, comparisonAfter: 60 });
    expect(plain(describeEffect(increase, "sv"))).toBe(
      "+76 % jämfört med jämförelseområdet (95 % intervall +7 % till +189 %): säker ökning",
    );
    const tooFew = estimateEffect({ before: 3, after: 2, comparisonBefore: 40, comparisonAfter: 41 });
    expect(describeEffect(tooFew, "sv")).toBe("för få händelser för att bedöma");
    expect(describeEffect(tooFew, "en")).toBe("too few incidents to judge");
  });
});

describe("the before and after windows", () => {
  it("gives equal windows either side of the start, the after one ending yesterday", () => {
    const result = effectWindows("2025-03-10", null, "2025-04-10");
    expect(result).toEqual({
      windows: {
        before: { start: "2025-02-07", end: "2025-03-09" },
        after: { start: "2025-03-10", end: "2025-04-09" },
        days: 31,
        isCapped: false,
      },
      reason: null,
    });
  });

  it("counts 29 February in a before window that spans it", () => {
    const result = effectWindows("2024-03-01", "2024-03-14", "2024-06-01");
    expect(result.windows).toEqual({
      before: { start: "2024-02-16", end: "2024-02-29" },
      after: { start: "2024-03-01", end: "2024-03-14" },
      days: 14,
      isCapped: false,
    });
  });

  it("caps both windows at maxDays, keeping the first days after the start", () => {
    const { windows } = effectWindows("2024-01-01", null, "2025-01-01");
    expect(windows).toEqual({
      before: { start: "2023-07-03", end: "2023-12-31" },
      after: { start: "2024-01-01", end: "2024-06-30" },
      days: 182,
      isCapped: true,
    });
    if (!windows) throw new Error("expected windows");
    expect(daysBetween(windows.before.start, windows.before.end) + 1).toBe(182);
    expect(daysBetween(windows.after.start, windows.after.end) + 1).toBe(182);
    expect(effectWindows("2024-01-01", null, "2025-01-01", 28).windows?.after.end).toBe("2024-01-28");
  });

  it("needs 14 complete days of the insats", () => {
    expect(effectWindows("2024-05-01", null, "2024-05-14")).toEqual({
      windows: null,
      reason: "too_short",
      daysRun: 13,
    });
    expect(effectWindows("2024-05-01", null, "2024-05-15").windows?.days).toBe(14);
    expect(effectWindows("2024-05-01", "2024-05-10", "2024-09-01")).toMatchObject({
      reason: "too_short",
      daysRun: 10,
    });
    expect(effectWindows("2024-05-01", null, "2024-05-01")).toMatchObject({
      windows: null,
      reason: "not_started",
    });
    expect(effectWindows("2024-06-01", null, "2024-05-01")).toMatchObject({
      windows: null,
      reason: "not_started",
    });
    expect(() => effectWindows("2024-05-10", "2024-05-01", "2024-06-01")).toThrow(RangeError);
    expect(() => effectWindows("2024-05-01", null, "2024-09-01", 7)).toThrow(RangeError);
  });
});
