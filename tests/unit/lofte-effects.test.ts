import { describe, expect, it } from "vitest";
import {
  describeMeasuredEffect,
  effectDirection,
  incidentChange,
  type MeasuredEffect,
  suppressSmallCount,
  surveyChange,
  yearToDateWindows,
} from "../../shared/lofte-effects.ts";

const Z = 1.959963984540054;
const plain = (text: string) => text.replaceAll("\u00a0", " ");

describe("a survey indicator's change", () => {
  const baseline = { year: 2024, value: 3.4, lower: 3.1, upper: 3.7, respondents: 200 };

  it("combines both intervals into the difference's interval", () => {
    const latest = { year: 2026, value: 2.8, lower: 2.6, upper: 3.0, respondents: 250 };
    const change = surveyChange(baseline, latest, 30);
    // Standard errors 0.3/1.96 and 0.2/1.96; the difference's half width is √(0.3² + 0.2²) = 0.36056.
    expect(change.difference).toBeCloseTo(-0.6, 12);
    expect(change.interval?.lower).toBeCloseTo(-0.6 - Math.hypot(0.3, 0.2), 10);
    expect(change.interval?.upper).toBeCloseTo(-0.6 + Math.hypot(0.3, 0.2), 10);
    expect(change.verdict).toBe("decrease");
  });

  it("finds no clear change when the interval covers zero", () => {
    const latest = { year: 2026, value: 3.2, lower: 2.9, upper: 3.5, respondents: 250 };
    const change = surveyChange(baseline, latest, 30);
    expect(change.interval?.upper).toBeGreaterThan(0);
    expect(change.verdict).toBe("no_clear_difference");
  });

  it("does not judge results with too few respondents or without an interval", () => {
    const few = { year: 2026, value: 2.0, lower: 1.5, upper: 2.5, respondents: 12 };
    expect(surveyChange(baseline, few, 30).verdict).toBe("too_few");
    const bare = { year: 2026, value: 2.0, lower: null, upper: null, respondents: 300 };
    expect(surveyChange(baseline, bare, 30)).toMatchObject({ verdict: "no_interval", interval: null });
  });

  it("is read against the direction the promise hopes for", () => {
    expect(effectDirection("decrease", "decrease")).toBe("as_desired");
    expect(effectDirection("increase", "decrease")).toBe("against");
    expect(effectDirection("no_clear_difference", "increase")).toBe("unclear");
    expect(effectDirection("too_few", "increase")).toBe("not_measurable");
  });
});

describe("incidents this year against the baseline year", () => {
  it("is shared/effect.ts's before/after rate ratio", () => {
    const effect = incidentChange(60, 40);
    if (effect.verdict === "too_few") throw new Error("expected an estimate");
    const standardError = Math.sqrt(1 / 60 + 1 / 40);
    expect(effect.ratio).toBeCloseTo(40 / 60, 12);
    expect(effect.interval.upper).toBeCloseTo((40 / 60) * Math.exp(Z * standardError), 10);
    expect(effect.adjustsForTrend).toBe(false);
  });

  it("compares the same days of the year, 29 February ending on the 28th", () => {
    expect(yearToDateWindows(2026, 2025, "2026-11-15")).toEqual({
      current: { start: "2026-01-01", end: "2026-11-15" },
      baseline: { start: "2025-01-01", end: "2025-11-15" },
    });
    expect(yearToDateWindows(2028, 2027, "2028-02-29")?.baseline.end).toBe("2027-02-28");
    expect(yearToDateWindows(2026, 2025, "2027-03-01")?.current.end).toBe("2026-12-31");
    expect(yearToDateWindows(2026, 2025, "2025-12-31")).toBeNull();
  });
});

describe("public counts", () => {
  it("withholds counts below 5", () => {
    expect(suppressSmallCount(4)).toEqual({ count: null, isSuppressed: true });
    expect(suppressSmallCount(0)).toEqual({ count: null, isSuppressed: true });
    expect(suppressSmallCount(5)).toEqual({ count: 5, isSuppressed: false });
  });
});

describe("an effect in words", () => {
  it("gives the baseline, the latest value and the verdict", () => {
    const effect: MeasuredEffect = {
      kind: "survey",
      unit: "index",
      baseline: { year: 2024, value: 3.4, lower: 3.1, upper: 3.7, respondents: 200 },
      latest: { year: 2026, value: 2.8, lower: 2.6, upper: 3.0, respondents: 250 },
      change: { difference: -0.6, interval: { lower: -0.96, upper: -0.24 }, verdict: "decrease" },
      direction: "as_desired",
    };
    expect(plain(describeMeasuredEffect(effect, "sv"))).toBe(
      "Utgångsvärde 2024: 3,4 (3,1–3,7), senast 2026: 2,8 (2,6–3,0), förändring −0,6 (95 % intervall −1,0 till −0,2): en säker förändring i önskad riktning.",
    );
  });

  it("says 'färre än 5' for a withheld count", () => {
    const effect: MeasuredEffect = {
      kind: "incidents",
      baseline: { range: { start: "2025-01-01", end: "2025-11-15" }, count: null },
      current: { range: { start: "2026-01-01", end: "2026-11-15" }, count: 12 },
      percentChange: null,
      percentInterval: null,
      verdict: "too_few",
      direction: "not_measurable",
    };
    expect(plain(describeMeasuredEffect(effect, "sv"))).toBe(
      "Utgångsvärde 1 jan.–15 nov. 2025: färre än 5, samma dagar 2026: 12: för få svarande eller händelser för att bedöma.",
    );
  });
});
