import { describe, expect, it } from "vitest";
import { isTooFewRespondents, parseDecimal, parseInterval, unitRange } from "../../shared/surveys.ts";

describe("survey values", () => {
  it("reads Swedish and English decimals and refuses text", () => {
    expect(parseDecimal("3,4")).toBe(3.4);
    expect(parseDecimal("3.4")).toBe(3.4);
    expect(parseDecimal("\u22121,2")).toBe(-1.2);
    expect(parseDecimal("12 %")).toBe(12);
    expect(parseDecimal("1 234,5")).toBe(1234.5);
    expect(parseDecimal("ca 3")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });

  it("reads intervals as ranges or margins around the value", () => {
    expect(parseInterval("12,1–15,3", 13.5)).toEqual({ lower: 12.1, upper: 15.3 });
    expect(parseInterval("12.1 - 15.3", 13.5)).toEqual({ lower: 12.1, upper: 15.3 });
    expect(parseInterval("[12,1; 15,3]", 13.5)).toEqual({ lower: 12.1, upper: 15.3 });
    expect(parseInterval("±2,3", 13.5)).toEqual({ lower: 11.2, upper: 15.8 });
    expect(parseInterval("+/- 0.3", 3.3)).toEqual({ lower: 3, upper: 3.6 });
    expect(parseInterval("2,3", 13.5)).toEqual({ lower: 11.2, upper: 15.8 });
    expect(parseInterval("1-2-3", 2)).toBeNull();
    expect(parseInterval("ungefär", 2)).toBeNull();
  });

  it("knows each kind's scale and marks too few respondents", () => {
    expect(unitRange("trygghetsmatning", "index")).toEqual([0, 6]);
    expect(unitRange("ntu", "percent")).toEqual([0, 100]);
    expect(unitRange("enkat", "index")).toBeNull();
    expect(isTooFewRespondents(29, 30)).toBe(true);
    expect(isTooFewRespondents(30, 30)).toBe(false);
    expect(isTooFewRespondents(null, 30)).toBe(false);
  });
});
