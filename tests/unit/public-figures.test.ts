import { describe, expect, it } from "vitest";
import {
  containingCells,
  type FigureCell,
  fixedProblemsFigure,
  isStrictlyInside,
  publicCount,
} from "../../shared/public-figures.ts";

const cell = (
  key: string,
  categories: string[],
  areas: string[],
  window = "2026-01-01/2026-06-30",
): FigureCell => ({
  key,
  window,
  categoryIds: new Set(categories),
  areaIds: new Set(areas),
});

describe("public counts", () => {
  it("withholds counts below 5, zero included, and gives no rate for them", () => {
    expect(publicCount(4, 1000)).toEqual({ count: null, rate: null, isSuppressed: true });
    expect(publicCount(0, 1000)).toEqual({ count: null, rate: null, isSuppressed: true });
    expect(publicCount(5, 1000)).toEqual({ count: 5, rate: 5, isSuppressed: false });
    expect(publicCount(12, null)).toEqual({ count: 12, rate: null, isSuppressed: false });
  });
});

describe("fixed problems", () => {
  it("gives both figures when the fixed and the open are 5 or more", () => {
    expect(fixedProblemsFigure(500, 430)).toMatchObject({
      total: 500,
      fixed: 430,
      isFixedFew: false,
      isOpenFew: false,
    });
  });

  it("withholds the fixed count when it, or the open count it implies, is below 5", () => {
    expect(fixedProblemsFigure(20, 3)).toMatchObject({ total: 20, fixed: null, isFixedFew: true });
    expect(fixedProblemsFigure(20, 17)).toMatchObject({ total: 20, fixed: null, isOpenFew: true });
    expect(fixedProblemsFigure(20, 20)).toMatchObject({ total: 20, fixed: null, isOpenFew: true });
  });

  it("gives nothing when fewer than 5 were reported", () => {
    expect(fixedProblemsFigure(4, 4)).toEqual({
      total: null,
      fixed: null,
      isTotalSuppressed: true,
      isFixedFew: false,
      isOpenFew: false,
    });
  });
});

describe("secondary suppression", () => {
  it("knows a cell inside another only in the same window and in both dimensions", () => {
    expect(isStrictlyInside(cell("a", ["k"], ["t"]), cell("b", ["k", "s"], ["t"]))).toBe(true);
    expect(isStrictlyInside(cell("a", ["k"], ["t"]), cell("b", ["k"], ["t", "u"]))).toBe(true);
    expect(isStrictlyInside(cell("a", ["k"], ["t"]), cell("b", ["k"], ["t"]))).toBe(false);
    expect(
      isStrictlyInside(cell("a", ["k"], ["t"]), cell("b", ["k", "s"], ["t"], "2025-01-01/2025-06-30")),
    ).toBe(false);
    expect(isStrictlyInside(cell("a", ["k", "x"], ["t"]), cell("b", ["k", "s"], ["t"]))).toBe(false);
  });

  it("withholds every total shown beside one of its parts, and nothing else", () => {
    const cells = [
      cell("klotter-tjarna", ["klotter"], ["tjarna"]),
      cell("partner-tjarna", ["klotter", "samling"], ["tjarna"]),
      cell("klotter-regso", ["klotter"], ["tjarna", "jakobsgardarna"]),
      cell("klotter-centrum", ["klotter"], ["centrum"]),
      cell("klotter-tjarna-again", ["klotter"], ["tjarna"]),
    ];
    expect([...containingCells(cells)].sort()).toEqual(["klotter-regso", "partner-tjarna"]);
  });
});
