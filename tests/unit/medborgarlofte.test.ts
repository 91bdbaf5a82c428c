import { describe, expect, it } from "vitest";
import {
  activityProgress,
  countDone,
  describeFrequency,
  describeProgress,
  describeTarget,
  elapsedShare,
  plannedOccurrences,
  targetTotal,
} from "../../shared/medborgarlofte.ts";

const YEAR_2026 = { start: "2026-01-01", end: "2026-12-31" };
const plain = (text: string) => text.replaceAll("\u00a0", " ");

describe("the part of a period that has passed", () => {
  it("counts the day asked about as passed", () => {
    expect(elapsedShare(YEAR_2026, "2026-01-01")).toBeCloseTo(1 / 365, 12);
    // 1 January to 1 July 2026 inclusive: 31 + 28 + 31 + 30 + 31 + 30 + 1 = 182 days.
    expect(elapsedShare(YEAR_2026, "2026-07-01")).toBeCloseTo(182 / 365, 12);
    expect(elapsedShare(YEAR_2026, "2026-12-31")).toBe(1);
  });

  it("is 0 before the period and 1 after it", () => {
    expect(elapsedShare(YEAR_2026, "2025-12-31")).toBe(0);
    expect(elapsedShare(YEAR_2026, "2027-03-01")).toBe(1);
  });

  it("uses the period's own length, leap days included", () => {
    expect(elapsedShare({ start: "2028-01-01", end: "2028-12-31" }, "2028-03-01")).toBeCloseTo(61 / 366, 12);
  });
});

describe("targets", () => {
  it("turns a frequency into the number of times it falls in the period", () => {
    expect(plannedOccurrences(2, "week", YEAR_2026)).toBe(26);
    expect(plannedOccurrences(1, "week", YEAR_2026)).toBe(52);
    expect(plannedOccurrences(1, "month", YEAR_2026)).toBe(12);
    expect(plannedOccurrences(1, "quarter", YEAR_2026)).toBe(4);
    expect(plannedOccurrences(2, "month", { start: "2026-01-01", end: "2026-06-30" })).toBe(3);
    expect(() => plannedOccurrences(0, "week", YEAR_2026)).toThrow(RangeError);
  });

  it("has no number for a target in words", () => {
    expect(targetTotal({ kind: "count", count: 8 }, YEAR_2026)).toBe(8);
    expect(targetTotal({ kind: "description", text: "Synas i centrum" }, YEAR_2026)).toBeNull();
  });

  it("says the target as the promise would", () => {
    expect(describeTarget({ kind: "count", count: 8 }, "trygghetsvandringar", "sv")).toBe(
      "minst 8 trygghetsvandringar",
    );
    expect(describeTarget({ kind: "count", count: 8 }, "safety walks", "en")).toBe("at least 8 safety walks");
    expect(describeFrequency(2, "week", "sv")).toBe("varannan vecka");
    expect(describeFrequency(1, "month", "sv")).toBe("varje månad");
    expect(describeFrequency(2, "quarter", "sv")).toBe("vartannat kvartal");
    expect(describeFrequency(3, "quarter", "sv")).toBe("vart tredje kvartal");
    expect(describeFrequency(3, "week", "sv")).toBe("var tredje vecka");
    expect(describeFrequency(12, "week", "sv")).toBe("var 12:e vecka");
    expect(describeFrequency(21, "week", "sv")).toBe("var 21:a vecka");
    expect(describeFrequency(2, "week", "en")).toBe("every other week");
    expect(describeFrequency(3, "month", "en")).toBe("every 3 months");
  });
});

describe("counting what was done", () => {
  const entries = [
    { doneOn: "2025-12-30", quantity: 1 },
    { doneOn: "2026-02-10", quantity: 2 },
    { doneOn: "2026-06-30", quantity: 1 },
    { doneOn: "2026-07-02", quantity: 1 },
  ];

  it("counts quantities within the period up to the day asked about", () => {
    expect(countDone(entries, YEAR_2026, "2026-07-01")).toBe(3);
    expect(countDone(entries, YEAR_2026, "2026-12-31")).toBe(4);
    expect(countDone(entries, YEAR_2026, "2027-06-01")).toBe(4);
  });
});

describe("an activity's progress", () => {
  const target = { kind: "count" as const, count: 8 };
  // On 1 July 8 × 182/365 = 3.989 walks were due at a steady pace: three whole ones.
  it("is behind with fewer done than the whole units due", () => {
    const progress = activityProgress({ target, period: YEAR_2026, asOf: "2026-07-01", done: 2 });
    expect(progress.status).toBe("behind");
    expect(progress.expected).toBeCloseTo(3.989041, 6);
    expect(progress.share).toBe(0.25);
  });

  it("is on track with the whole units due done", () => {
    expect(activityProgress({ target, period: YEAR_2026, asOf: "2026-07-01", done: 3 }).status).toBe(
      "on_track",
    );
  });

  it("is never behind before the first unit was due", () => {
    // 8 × 45/365 = 0.99: nothing whole was due by 14 February.
    expect(activityProgress({ target, period: YEAR_2026, asOf: "2026-02-14", done: 0 }).status).toBe(
      "on_track",
    );
    expect(activityProgress({ target, period: YEAR_2026, asOf: "2026-02-15", done: 0 }).status).toBe(
      "behind",
    );
  });

  it("is reached, missed or not started at the ends of the period", () => {
    expect(activityProgress({ target, period: YEAR_2026, asOf: "2026-05-01", done: 8 }).status).toBe(
      "reached",
    );
    expect(activityProgress({ target, period: YEAR_2026, asOf: "2026-12-31", done: 7 }).status).toBe(
      "missed",
    );
    expect(activityProgress({ target, period: YEAR_2026, asOf: "2025-12-01", done: 0 }).status).toBe(
      "not_started",
    );
  });

  it("measures a frequency against its occurrences", () => {
    const progress = activityProgress({
      target: { kind: "frequency", every: 2, per: "week" },
      period: YEAR_2026,
      asOf: "2026-11-15",
      done: 20,
    });
    // 26 × 319/365 = 22.72 due: 22 whole occurrences, 20 done.
    expect(progress.target).toBe(26);
    expect(progress.expected).toBeCloseTo((26 * 319) / 365, 10);
    expect(progress.status).toBe("behind");
  });

  it("leaves a target in words unmeasured", () => {
    const progress = activityProgress({
      target: { kind: "description", text: "Synas mer i centrum" },
      period: YEAR_2026,
      asOf: "2026-07-01",
      done: 4,
    });
    expect(progress).toMatchObject({
      target: null,
      expected: null,
      share: null,
      status: "unmeasured",
      done: 4,
    });
    expect(plain(describeProgress(progress, "", YEAR_2026, "sv"))).toBe(
      "4 genomföranden registrerade hittills. 50 % av året har gått.",
    );
    expect(describeProgress({ ...progress, done: 1 }, "", YEAR_2026, "en")).toBe(
      "1 entry recorded so far. 50% of the year has passed.",
    );
  });

  it("is told in plain Swedish and English", () => {
    const behind = activityProgress({ target, period: YEAR_2026, asOf: "2026-07-01", done: 2 });
    expect(plain(describeProgress(behind, "trygghetsvandringar", YEAR_2026, "sv"))).toBe(
      "2 av 8 trygghetsvandringar genomförda. Ligger efter: när 50 % av året har gått borde minst 3 vara genomförda.",
    );
    expect(describeProgress(behind, "safety walks", YEAR_2026, "en")).toBe(
      "2 of 8 safety walks done. Behind: with 50% of the year passed, at least 3 should be done.",
    );
    const half = { start: "2026-01-01", end: "2026-06-30" };
    const onTrack = activityProgress({ target, period: half, asOf: "2026-03-31", done: 5 });
    expect(plain(describeProgress(onTrack, "", half, "sv"))).toBe(
      "5 av 8 genomförda. Följer planen: 50 % av perioden har gått.",
    );
  });
});
