import { describe, expect, it } from "vitest";
import { contrastRatio, readableTextColor } from "../../shared/contrast.ts";

describe("text on a status colour", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio("red", "#ffffff")).toThrow(/rrggbb/);
  });

  it("picks the text colour that passes AA on each default level colour", () => {
    // The default levels: normalt (green), förhöjt (amber), allvarligt (red).
    expect(readableTextColor("#2e7d32")).toBe("#ffffff");
    expect(readableTextColor("#f9a825")).toBe("#000000");
    expect(readableTextColor("#c62828")).toBe("#ffffff");
    for (const background of ["#2e7d32", "#f9a825", "#c62828", "#d9d9d9"])
      expect(contrastRatio(background, readableTextColor(background))).toBeGreaterThanOrEqual(4.5);
  });

  it("finds a passing text colour on any colour a workspace may choose", () => {
    for (let value = 0; value < 256; value += 1) {
      const hex = value.toString(16).padStart(2, "0");
      for (const background of [
        `#${hex}${hex}${hex}`,
        `#${hex}0000`,
        `#00${hex}00`,
        `#0000${hex}`,
        `#ff${hex}00`,
      ])
        expect(contrastRatio(background, readableTextColor(background))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
