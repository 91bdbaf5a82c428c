import { describe, expect, it } from "vitest";
import { isTimeOfDay, normaliseDate, normaliseTime } from "../../client/src/components/ui/date-text.ts";

describe("dates and times typed the Swedish way", () => {
  it("writes out real dates typed without dashes or leading zeros, and leaves the rest as typed", () => {
    expect(normaliseDate("20260305")).toBe("2026-03-05");
    expect(normaliseDate(" 2026-3-5 ")).toBe("2026-03-05");
    expect(normaliseDate("2026-02-30")).toBe("2026-02-30");
    expect(normaliseDate("20260230")).toBe("20260230");
    expect(normaliseDate("05/03/2026")).toBe("05/03/2026");
  });

  it("reads times on a 24-hour clock", () => {
    expect(normaliseTime("2130")).toBe("21:30");
    expect(normaliseTime("9:30")).toBe("09:30");
    expect(normaliseTime("9.30")).toBe("09:30");
    expect(normaliseTime("2460")).toBe("2460");
    expect(isTimeOfDay("23:59")).toBe(true);
    expect(isTimeOfDay("24:00")).toBe(false);
    expect(isTimeOfDay("9:30 PM")).toBe(false);
  });
});
