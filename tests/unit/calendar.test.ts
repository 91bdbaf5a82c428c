import { describe, expect, it } from "vitest";
import {
  addDays,
  comparePeriods,
  formatIsoWeek,
  isLocalDate,
  isoWeekOf,
  isoWeekStart,
  isoWeeksInYear,
  lastCompletePeriod,
  parseIsoWeek,
  periodContaining,
  periodWeekNumbers,
  previousPeriod,
  samePeriodLastYear,
  startOfLocalDay,
  toLocalDate,
  weekStartsEndingAt,
  yearToDate,
} from "../../shared/calendar.ts";

describe("ISO weeks", () => {
  it("knows which years have 53 weeks", () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2015)).toBe(53);
  });

  it("puts year-boundary days in the right ISO year", () => {
    expect(isoWeekOf("2020-12-31")).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf("2021-01-03")).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf("2021-01-04")).toEqual({ year: 2021, week: 1 });
    expect(isoWeekOf("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf("2026-12-31")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf("2027-01-03")).toEqual({ year: 2026, week: 53 });
  });

  it("starts weeks on Monday", () => {
    expect(isoWeekStart({ year: 2026, week: 1 })).toBe("2025-12-29");
    expect(isoWeekStart({ year: 2026, week: 53 })).toBe("2026-12-28");
    expect(isoWeekStart({ year: 2020, week: 53 })).toBe("2020-12-28");
    expect(new Date(`${isoWeekStart({ year: 2023, week: 17 })}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(() => isoWeekStart({ year: 2025, week: 53 })).toThrow(/no week 53/);
  });

  it("round-trips the YYYY-Www form and rejects nonsense", () => {
    expect(formatIsoWeek(parseIsoWeek("2026-W05"))).toBe("2026-W05");
    expect(() => parseIsoWeek("2026-W54")).toThrow();
    expect(() => parseIsoWeek("2026W05")).toThrow();
  });

  it("validates calendar dates", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2023-02-29")).toBe(false);
    expect(isLocalDate("2023-2-1")).toBe(false);
  });
});

describe("Stockholm calendar dates of instants", () => {
  it("uses the local date around midnight in winter and summer time", () => {
    expect(toLocalDate(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16");
    expect(toLocalDate(new Date("2026-07-15T21:59:00Z"))).toBe("2026-07-15");
    expect(toLocalDate(new Date("2026-07-15T22:00:00Z"))).toBe("2026-07-16");
  });

  it("handles the nights the clocks change", () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(toLocalDate(new Date("2026-03-28T22:59:00Z"))).toBe("2026-03-28");
    expect(toLocalDate(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    expect(toLocalDate(new Date("2026-03-29T21:59:00Z"))).toBe("2026-03-29");
    expect(toLocalDate(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    // 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(toLocalDate(new Date("2026-10-24T21:59:00Z"))).toBe("2026-10-24");
    expect(toLocalDate(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    expect(toLocalDate(new Date("2026-10-25T22:59:00Z"))).toBe("2026-10-25");
    expect(toLocalDate(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });

  it("finds the instant a local day begins, in winter and summer time", () => {
    expect(startOfLocalDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfLocalDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(toLocalDate(startOfLocalDay("2026-03-29"))).toBe("2026-03-29");
    expect(toLocalDate(startOfLocalDay("2026-10-25"))).toBe("2026-10-25");
  });

  it("adds days across DST changes without drifting", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 7)).toBe("2026-10-31");
  });
});

describe("periods", () => {
  const anchor = "2026-01-05";

  it("makes biweekly periods follow the meeting anchor, also before it", () => {
    expect(periodContaining("biweek", "2026-01-18", anchor)).toEqual({
      kind: "biweek",
      start: "2026-01-05",
      end: "2026-01-18",
    });
    expect(periodContaining("biweek", "2026-01-19", anchor).start).toBe("2026-01-19");
    expect(periodContaining("biweek", "2026-01-04", anchor)).toEqual({
      kind: "biweek",
      start: "2025-12-22",
      end: "2026-01-04",
    });
    // An anchor that is not a Monday counts from its week's Monday.
    expect(periodContaining("biweek", "2026-01-20", "2026-01-07").start).toBe("2026-01-19");
  });

  it("finds the latest complete period before today", () => {
    expect(lastCompletePeriod("week", "2026-11-22", anchor)).toEqual({
      kind: "week",
      start: "2026-11-09",
      end: "2026-11-15",
    });
    expect(lastCompletePeriod("week", "2026-11-23", anchor).start).toBe("2026-11-16");
    expect(lastCompletePeriod("biweek", "2026-11-22", anchor).end < "2026-11-22").toBe(true);
  });

  it("steps back to the previous period across the year boundary", () => {
    const week1 = periodContaining("week", "2026-01-01", anchor);
    expect(week1.start).toBe("2025-12-29");
    expect(previousPeriod(week1)).toEqual({ kind: "week", start: "2025-12-22", end: "2025-12-28" });
  });

  it("compares with the same ISO weeks last year, mapping week 53 to 52", () => {
    const week53 = periodContaining("week", "2026-12-30", anchor);
    expect(isoWeekOf(week53.start).week).toBe(53);
    expect(samePeriodLastYear(week53)).toEqual({ kind: "week", start: "2025-12-22", end: "2025-12-28" });
    const week53of2020 = periodContaining("week", "2021-01-02", anchor);
    expect(samePeriodLastYear(week53of2020).start).toBe(isoWeekStart({ year: 2019, week: 52 }));
    const biweek = periodContaining("biweek", "2026-03-10", anchor);
    const lastYear = samePeriodLastYear(biweek);
    expect(isoWeekOf(lastYear.start)).toEqual({ year: 2025, week: isoWeekOf(biweek.start).week });
    expect(lastYear.end).toBe(addDays(lastYear.start, 13));
  });

  it("gives year to date from ISO week 1 and the matching span last year", () => {
    const period = periodContaining("biweek", "2026-11-10", anchor);
    const comparison = comparePeriods(period);
    expect(comparison.yearToDate).toEqual({ start: "2025-12-29", end: period.end });
    expect(comparison.lastYearToDate.start).toBe("2024-12-30");
    expect(comparison.lastYearToDate.end).toBe(comparison.lastYear.end);
    expect(yearToDate(periodContaining("week", "2027-01-02", anchor)).start).toBe("2025-12-29");
  });

  it("handles four-week, month, quarter and year periods with their own comparisons", () => {
    expect(periodContaining("fourweek", "2026-02-01", anchor)).toEqual({
      kind: "fourweek",
      start: "2026-01-05",
      end: "2026-02-01",
    });
    const march = periodContaining("month", "2024-03-15", anchor);
    expect(march).toEqual({ kind: "month", start: "2024-03-01", end: "2024-03-31" });
    expect(previousPeriod(march)).toEqual({ kind: "month", start: "2024-02-01", end: "2024-02-29" });
    expect(previousPeriod(periodContaining("month", "2026-01-10", anchor)).start).toBe("2025-12-01");
    expect(samePeriodLastYear(march)).toEqual({ kind: "month", start: "2023-03-01", end: "2023-03-31" });
    const q4 = periodContaining("quarter", "2026-11-22", anchor);
    expect(q4).toEqual({ kind: "quarter", start: "2026-10-01", end: "2026-12-31" });
    expect(previousPeriod(q4).start).toBe("2026-07-01");
    expect(comparePeriods(q4).yearToDate).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    const year = periodContaining("year", "2023-06-01", anchor);
    expect(year).toEqual({ kind: "year", start: "2023-01-01", end: "2023-12-31" });
    expect(samePeriodLastYear(year)).toEqual({ kind: "year", start: "2022-01-01", end: "2022-12-31" });
    expect(lastCompletePeriod("month", "2026-11-22", anchor).start).toBe("2026-10-01");
  });

  it("lists week starts and week numbers for labels", () => {
    const starts = weekStartsEndingAt("2026-01-07", 3);
    expect(starts).toEqual(["2025-12-22", "2025-12-29", "2026-01-05"]);
    expect(periodWeekNumbers(periodContaining("biweek", "2026-12-30", anchor))).toEqual({
      year: 2026,
      weeks: [52, 53],
    });
  });
});
