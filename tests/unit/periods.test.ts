import { describe, expect, it } from "vitest";
import { lastCompletePeriod, type Period, periodContaining } from "../../shared/calendar.ts";
import { MEETING_PERIODS, nextMeetings, rhythmWithMeetingOn } from "../../shared/meeting-rhythm.ts";
import {
  comparePeriodsSoFar,
  currentViewPeriod,
  daysIn,
  firstDaysOf,
  isoWeekday,
  isPeriodComplete,
  lastTwoCompleteWeeks,
  latestCompleteViewPeriod,
  periodInputOf,
  periodOfInput,
  periodSoFar,
  switchViewKind,
  twoWeeksEndingWith,
  viewPeriodFrom,
} from "../../shared/periods.ts";

// The Tuesday: 1 December 2026, ISO week 49; the demo's biweeks are anchored 2024-01-08.
const TODAY = "2026-12-01";
const DEMO_ANCHOR = "2024-01-08";

describe("periods still running", () => {
  const week48to49: Period = { kind: "biweek", start: "2026-11-23", end: "2026-12-06" };

  it("calls a period complete only once its last day is over", () => {
    expect(isPeriodComplete({ start: "2026-11-16", end: "2026-11-30" }, TODAY)).toBe(true);
    expect(isPeriodComplete({ start: "2026-11-17", end: TODAY }, TODAY)).toBe(false);
    expect(isPeriodComplete(week48to49, TODAY)).toBe(false);
  });

  it("counts a running period up to today, a future one not at all", () => {
    expect(periodSoFar(week48to49, TODAY)).toEqual({ start: "2026-11-23", end: TODAY });
    expect(daysIn(periodSoFar(week48to49, TODAY))).toBe(9);
    const future = periodSoFar({ start: "2026-12-07", end: "2026-12-20" }, TODAY);
    expect(daysIn(future)).toBe(0);
    expect(periodSoFar({ start: "2026-11-09", end: "2026-11-22" }, TODAY)).toEqual({
      start: "2026-11-09",
      end: "2026-11-22",
    });
  });

  it("takes the first days of a range, never past its end", () => {
    expect(firstDaysOf({ start: "2026-02-01", end: "2026-02-28" }, 3)).toEqual({
      start: "2026-02-01",
      end: "2026-02-03",
    });
    expect(firstDaysOf({ start: "2026-02-01", end: "2026-02-28" }, 31)).toEqual({
      start: "2026-02-01",
      end: "2026-02-28",
    });
  });

  it("compares the days so far with as many days of the previous period and of last year", () => {
    const comparison = comparePeriodsSoFar(week48to49, TODAY);
    expect(comparison.isComplete).toBe(false);
    expect(comparison.observed).toEqual({ start: "2026-11-23", end: "2026-12-01" });
    // Nine days: Monday of week 46 to Tuesday of week 47.
    expect(comparison.previous).toEqual({ start: "2026-11-09", end: "2026-11-17" });
    // The same ISO weeks a year earlier, the same nine weekdays.
    expect(comparison.lastYear).toEqual({ start: "2025-11-24", end: "2025-12-02" });
    expect(comparison.yearToDate).toEqual({ start: "2025-12-29", end: "2026-12-01" });
    expect(comparison.lastYearToDate).toEqual({ start: "2024-12-30", end: "2025-12-02" });
  });

  it("compares a running month with the first days of the month before and a year before", () => {
    const december = periodContaining("month", TODAY, DEMO_ANCHOR);
    const comparison = comparePeriodsSoFar(december, TODAY);
    expect(comparison.previous).toEqual({ start: "2026-11-01", end: "2026-11-01" });
    expect(comparison.lastYear).toEqual({ start: "2025-12-01", end: "2025-12-01" });
    expect(comparison.yearToDate).toEqual({ start: "2026-01-01", end: TODAY });
    expect(comparison.lastYearToDate).toEqual({ start: "2025-01-01", end: "2025-12-01" });
  });

  it("leaves a complete period's comparisons whole", () => {
    const period = periodContaining("biweek", "2026-11-10", DEMO_ANCHOR);
    const comparison = comparePeriodsSoFar(period, TODAY);
    expect(comparison.isComplete).toBe(true);
    expect(comparison.observed).toEqual({ start: period.start, end: period.end });
    expect(comparison.previous).toEqual({ kind: "biweek", start: "2026-10-26", end: "2026-11-08" });
  });
});

describe("the last two complete weeks", () => {
  it("are the two ISO weeks before today's, whatever the meeting anchor", () => {
    expect(lastTwoCompleteWeeks(TODAY)).toEqual({ kind: "biweek", start: "2026-11-16", end: "2026-11-29" });
    // The demo's rhythm has ended its last biweek a week earlier.
    expect(lastCompletePeriod("biweek", TODAY, DEMO_ANCHOR)).toEqual({
      kind: "biweek",
      start: "2026-11-09",
      end: "2026-11-22",
    });
    expect(lastTwoCompleteWeeks("2026-11-30")).toEqual(lastTwoCompleteWeeks("2026-12-06"));
  });

  it("go to the API as a biweek anchored at its own start", () => {
    expect(twoWeeksEndingWith("2026-11-25")).toEqual({
      kind: "biweek",
      start: "2026-11-16",
      end: "2026-11-29",
    });
    const input = periodInputOf("twoweeks", lastTwoCompleteWeeks(TODAY));
    expect(input).toEqual({ kind: "biweek", date: "2026-11-16", anchor: "2026-11-16" });
    expect(periodOfInput(input, DEMO_ANCHOR)).toEqual(lastTwoCompleteWeeks(TODAY));
    expect(periodOfInput({ kind: "biweek", date: "2026-11-16" }, DEMO_ANCHOR).start).toBe("2026-11-09");
  });

  it("start in the week the URL names", () => {
    expect(viewPeriodFrom("twoweeks", "2026-11-16", DEMO_ANCHOR)).toEqual(lastTwoCompleteWeeks(TODAY));
    expect(currentViewPeriod("twoweeks", TODAY, DEMO_ANCHOR)).toEqual({
      kind: "biweek",
      start: "2026-11-23",
      end: "2026-12-06",
    });
    expect(latestCompleteViewPeriod("twoweeks", TODAY, DEMO_ANCHOR).start).toBe("2026-11-16");
  });
});

describe("changing the period type", () => {
  it("keeps a complete period's end", () => {
    const week46: Period = { kind: "week", start: "2026-11-09", end: "2026-11-15" };
    expect(switchViewKind(week46, "month", TODAY, DEMO_ANCHOR)).toEqual({
      kind: "month",
      start: "2026-11-01",
      end: "2026-11-30",
    });
    const year2025: Period = { kind: "year", start: "2025-01-01", end: "2025-12-31" };
    // Not week 1 of 2025: the week that holds the year's last day.
    expect(switchViewKind(year2025, "week", TODAY, DEMO_ANCHOR)).toEqual({
      kind: "week",
      start: "2025-12-29",
      end: "2026-01-04",
    });
    expect(switchViewKind(week46, "twoweeks", TODAY, DEMO_ANCHOR)).toEqual({
      kind: "biweek",
      start: "2026-11-02",
      end: "2026-11-15",
    });
  });

  it("lands on the new type's latest complete period when the old one was still running", () => {
    const year2026: Period = { kind: "year", start: "2026-01-01", end: "2026-12-31" };
    expect(switchViewKind(year2026, "week", TODAY, DEMO_ANCHOR)).toEqual({
      kind: "week",
      start: "2026-11-23",
      end: "2026-11-29",
    });
    expect(switchViewKind(year2026, "twoweeks", TODAY, DEMO_ANCHOR)).toEqual(lastTwoCompleteWeeks(TODAY));
  });

  it("may land on a running period from a complete one, which is then marked", () => {
    const week48: Period = { kind: "week", start: "2026-11-23", end: "2026-11-29" };
    const year = switchViewKind(week48, "year", TODAY, DEMO_ANCHOR);
    expect(year.start).toBe("2026-01-01");
    expect(isPeriodComplete(year, TODAY)).toBe(false);
  });
});

describe("meeting rhythm", () => {
  it("knows ISO weekdays", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday(TODAY)).toBe(2);
    expect(isoWeekday("2026-12-06")).toBe(7);
  });

  it("takes the weekday and the week's Monday from one meeting's date", () => {
    expect(rhythmWithMeetingOn("biweek", TODAY)).toEqual({
      period: "biweek",
      weekday: 2,
      anchor: "2026-11-30",
    });
    expect(MEETING_PERIODS).toEqual(["week", "biweek", "fourweek"]);
  });

  it("lists the coming meetings and the period each reviews", () => {
    const moved = rhythmWithMeetingOn("biweek", TODAY);
    const meetings = nextMeetings(moved, TODAY, 2);
    expect(meetings.map((meeting) => meeting.date)).toEqual([TODAY, "2026-12-15"]);
    // Tuesday's meeting reviews weeks 47–48, the complete two weeks before it.
    expect(meetings[0]?.reviews).toEqual({ kind: "biweek", start: "2026-11-16", end: "2026-11-29" });
    expect(lastCompletePeriod("biweek", TODAY, moved.anchor)).toEqual(meetings[0]?.reviews);
    // The demo meets on Mondays in weeks 48, 50 …: Monday 30 November is past by Tuesday.
    const demo = { period: "biweek" as const, weekday: 1, anchor: DEMO_ANCHOR };
    expect(nextMeetings(demo, TODAY, 1)[0]).toEqual({
      date: "2026-12-07",
      reviews: { kind: "biweek", start: "2026-11-23", end: "2026-12-06" },
    });
  });

  it("meets every week or every fourth week", () => {
    const weekly = rhythmWithMeetingOn("week", "2026-12-03");
    expect(nextMeetings(weekly, TODAY, 2).map((meeting) => meeting.date)).toEqual([
      "2026-12-03",
      "2026-12-10",
    ]);
    const fourWeekly = rhythmWithMeetingOn("fourweek", "2026-11-02");
    // Monday 30 November was a meeting, so the next is four weeks on.
    const [next] = nextMeetings(fourWeekly, TODAY, 1);
    expect(next?.date).toBe("2026-12-28");
    expect(next?.reviews).toEqual({ kind: "fourweek", start: "2026-11-30", end: "2026-12-27" });
  });
});
