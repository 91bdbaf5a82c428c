import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// Periods still running (issue 15, docs/decisions/019): the user's date comes with the filter, the
// part so far is counted, and every comparison takes as many days. The demo's data runs to Sunday
// 15 November 2026; "today" is Wednesday 11 November, so the days after it hold incidents the
// counts must leave out.
let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof demoCaller>>;
let admin: Awaited<ReturnType<typeof demoCaller>>;
let partner: Awaited<ReturnType<typeof demoCaller>>;
const TODAY = "2026-11-11";
// The demo's biweek holding it: weeks 46–47, 9–22 November (anchor 2024-01-08).
const running = { period: { kind: "biweek" as const, date: TODAY }, today: TODAY };
const CENTRE = { lon: 15.449798, lat: 60.48153 }; // in DeSO 2081C1090, where the demo has no findings

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  admin = await demoCaller(testDb.db, "admin@borlange.example");
  partner = await demoCaller(testDb.db, "partner@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

/** Incidents registered in a range, as the police delivered them: in a category tree and/or an area. */
async function sqlCount(options: { from: string; to: string; categoryCode?: string; areaCode?: string }) {
  const rows = await testDb.driver.query<{ n: number }>(
    `WITH RECURSIVE scope AS (
       SELECT id FROM categories WHERE code = $1
       UNION ALL SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id)
     SELECT COALESCE(SUM(i.count), 0)::int AS n FROM incidents i JOIN areas a ON a.id = i.area_id
     WHERE ($1::text IS NULL OR i.category_id IN (SELECT id FROM scope))
       AND i.registered_on BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR a.code = $4)`,
    [options.categoryCode ?? null, options.from, options.to, options.areaCode ?? null],
  );
  return rows[0]?.n ?? -1;
}

describe("a period still running", () => {
  it("counts the districts so far against as many days of the previous period", async () => {
    const stats = await analyst.overview.districtStats(running);
    expect(stats.isComplete).toBe(false);
    expect(stats.period).toEqual({ kind: "biweek", start: "2026-11-09", end: "2026-11-22" });
    expect(stats.observed).toEqual({ start: "2026-11-09", end: TODAY });
    expect(stats.previous).toEqual({ start: "2026-10-26", end: "2026-10-28" });
    const busiest = [...stats.rows].sort((a, b) => b.count - a.count)[0];
    if (!busiest?.code) throw new Error("no district with incidents");
    expect(busiest.count).toBeGreaterThan(0);
    expect(busiest.count).toBe(await sqlCount({ areaCode: busiest.code, from: "2026-11-09", to: TODAY }));
    expect(busiest.previousCount).toBe(
      await sqlCount({ areaCode: busiest.code, from: "2026-10-26", to: "2026-10-28" }),
    );
    // The days after today hold incidents in this data: they are not counted.
    const whole = await sqlCount({ areaCode: busiest.code, from: "2026-11-09", to: "2026-11-22" });
    expect(whole).toBeGreaterThan(busiest.count);
    const total = stats.rows.reduce((sum, row) => sum + row.count, 0);
    expect(stats.total.count).toBe(total);
  });

  it("leaves a complete period whole, whatever the user's date", async () => {
    const stats = await analyst.overview.districtStats({
      period: { kind: "biweek", date: "2026-10-27" },
      today: TODAY,
    });
    expect(stats.isComplete).toBe(true);
    expect(stats.observed).toEqual({ start: "2026-10-26", end: "2026-11-08" });
    expect(stats.previous).toEqual({ start: "2026-10-12", end: "2026-10-25" });
  });

  it("compares CompStat's rows like with like, as direct SQL counts them", async () => {
    const result = await analyst.analysis.compstat(running);
    expect(result.isComplete).toBe(false);
    expect(result.observed).toEqual({ start: "2026-11-09", end: TODAY });
    expect(result.previous).toEqual({ start: "2026-10-26", end: "2026-10-28" });
    // Weeks 46–47 of 2025 begin on Monday 10 November: the same three weekdays.
    expect(result.lastYear).toEqual({ start: "2025-11-10", end: "2025-11-12" });
    expect(result.yearToDate).toEqual({ start: "2025-12-29", end: TODAY });
    expect(result.lastYearToDate).toEqual({ start: "2024-12-30", end: "2025-11-12" });
    const fraud = result.rows.find((row) => row.code === "G-BEDRAGERI");
    if (!fraud) throw new Error("no fraud row");
    const count = (from: string, to: string) => sqlCount({ categoryCode: "G-BEDRAGERI", from, to });
    expect(fraud.current).toBe(await count("2026-11-09", TODAY));
    expect(fraud.previous).toBe(await count("2026-10-26", "2026-10-28"));
    expect(fraud.lastYear).toBe(await count("2025-11-10", "2025-11-12"));
    expect(fraud.yearToDate).toBe(await count("2025-12-29", TODAY));
    expect(fraud.lastYearToDate).toBe(await count("2024-12-30", "2025-11-12"));
    expect(fraud.change).toBe(fraud.current - fraud.previous);
    expect(fraud.current).toBeLessThan(await count("2026-11-09", "2026-11-22"));
  });

  it("exports the so-far figures with the mark in the header, the selection and the file name", async () => {
    const file = await analyst.exports.table({ ...running, view: "districts", format: "csv", locale: "sv" });
    expect(file.fileName).toBe("est-borlange-omraden-2026-11-09-2026-11-11-hittills.csv");
    const text = Buffer.from(file.base64, "base64").toString("utf8");
    const header = text.replace(/^\uFEFF/, "").split("\r\n")[0] ?? "";
    expect(header).toContain("Antal hittills (t.o.m. 2026-11-11, ofullständig period)");
    expect(header).toContain("Föregående period, samma antal dagar");
    const compstat = await analyst.exports.table({
      ...running,
      view: "compstat",
      format: "csv",
      locale: "en",
    });
    const compstatText = Buffer.from(compstat.base64, "base64").toString("utf8");
    expect(compstatText).toContain("Period so far (to 2026-11-11, incomplete period)");
    expect(compstatText).toContain("Not judged: the period is running");
  });

  it("draws the week cut short by today beside the same weekdays a year earlier", async () => {
    const trend = await analyst.overview.weeklyTrend({ ...running, weeks: 8 });
    const last = trend.weeks.at(-1);
    expect(last).toMatchObject({ weekStart: "2026-11-09", isoWeek: "2026-W46", days: 3, isPartial: true });
    expect(last?.count).toBe(await sqlCount({ from: "2026-11-09", to: TODAY }));
    expect(last?.lastYearCount).toBe(await sqlCount({ from: "2025-11-10", to: "2025-11-12" }));
    const full = trend.weeks.at(-2);
    expect(full).toMatchObject({ weekStart: "2026-11-02", days: 7, isPartial: false });
    expect(full?.lastYearCount).toBe(await sqlCount({ from: "2025-11-03", to: "2025-11-09" }));
    expect(trend.weeks.filter((week) => week.isPartial)).toHaveLength(1);
  });

  it("marks the running period in the trend and judges rising-now on the period before", async () => {
    const trend = await analyst.analysis.trend({ ...running, periods: 6 });
    expect(trend.at(-1)).toMatchObject({ start: "2026-11-09", isPartial: true, expected: null });
    expect(trend.slice(0, -1).every((point) => !point.isPartial)).toBe(true);
    const judged = await analyst.analysis.risingNow(running);
    const previous = await analyst.analysis.risingNow({ period: { kind: "biweek", date: "2026-10-26" } });
    expect(previous.length).toBeGreaterThan(0);
    expect(judged).toEqual(previous);
    const years = await analyst.analysis.years({ ...running, years: 2 });
    expect(years.at(-1)).toMatchObject({ year: 2026, partialWeek: 46 });
  });

  it("counts the last two complete weeks on their own anchor, not the meeting rhythm's", async () => {
    const stats = await analyst.overview.districtStats({
      period: { kind: "biweek", date: "2026-11-02", anchor: "2026-11-02" },
      today: TODAY,
    });
    expect(stats.period).toEqual({ kind: "biweek", start: "2026-11-02", end: "2026-11-15" });
    expect(stats.total.count).toBe(await sqlCount({ from: "2026-11-02", to: TODAY }));
    await expect(
      analyst.overview.districtStats({
        period: { kind: "biweek", date: "2026-11-02", anchor: "2026-11-03" },
      }),
    ).rejects.toThrow(/Monday/);
  });
});

describe("findings from a walk", () => {
  it("count in the walk's period, not on the day they were typed in", async () => {
    const walk = await partner.walks.create({
      areaCode: "2081C1090",
      startsAt: "2025-06-10T18:00:00+02:00",
      meetingPlace: "Stationen",
    });
    await partner.walks.addFinding({
      walkId: walk.id,
      ...CENTRE,
      category: "belysning",
      description: "Trasig lampa",
      severity: 2,
    });
    const centre = { areaCodes: ["2081C1090"] };
    const walkWeek = await analyst.overview.districtStats({
      period: { kind: "week", date: "2025-06-10" },
      ...centre,
    });
    expect(walkWeek.total.findings).toBe(1);
    const layers = await analyst.overview.fieldLayers({
      period: { kind: "week", date: "2025-06-10" },
      ...centre,
    });
    expect(layers.findings.map((finding) => finding.walkId)).toEqual([walk.id]);
    const typedIn = await testDb.driver.query<{ day: string }>(
      `SELECT to_char((created_at AT TIME ZONE 'Europe/Stockholm')::date, 'YYYY-MM-DD') AS day
       FROM walk_findings WHERE walk_id = $1::uuid`,
      [walk.id],
    );
    const typedDay = typedIn[0]?.day ?? "";
    expect(typedDay > "2025-06-16").toBe(true);
    const typedWeek = await analyst.overview.districtStats({
      period: { kind: "week", date: typedDay },
      ...centre,
    });
    expect(typedWeek.total.findings).toBe(0);
  });
});

describe("the meeting rhythm", () => {
  it("is moved by an admin, keeps an unchanged phase, and moves back exactly", async () => {
    const before = await analyst.workspace.current();
    expect(before).toMatchObject({ meetingAnchor: "2024-01-08", meetingPeriod: "biweek", meetingWeekday: 1 });
    await expect(
      analyst.workspace.updateMeetingRhythm({ period: "biweek", meetingDate: "2026-12-01" }),
    ).rejects.toThrow();
    // Meetings on Tuesdays of weeks 49, 51 …: each reviews the two complete weeks before.
    const moved = await admin.workspace.updateMeetingRhythm({ period: "biweek", meetingDate: "2026-12-01" });
    expect(moved).toEqual({ period: "biweek", weekday: 2, anchor: "2026-11-30" });
    expect(await analyst.workspace.current()).toMatchObject({
      meetingAnchor: "2026-11-30",
      meetingWeekday: 2,
    });
    const stats = await analyst.overview.districtStats({ period: { kind: "biweek", date: "2026-11-20" } });
    expect(stats.period).toEqual({ kind: "biweek", start: "2026-11-16", end: "2026-11-29" });
    // A later meeting in the same weeks keeps the stored anchor (and so the four-week periods).
    const same = await admin.workspace.updateMeetingRhythm({ period: "biweek", meetingDate: "2027-01-12" });
    expect(same.anchor).toBe("2026-11-30");
    const audit = await testDb.driver.query<{ details: { meetingAnchor?: string } }>(
      `SELECT details FROM audit_log WHERE action = 'settings_updated' ORDER BY at`,
    );
    expect(audit.map((entry) => entry.details.meetingAnchor)).toEqual(["2026-11-30", "2026-11-30"]);
    const back = await admin.workspace.updateMeetingRhythm({ period: "biweek", meetingDate: "2024-01-08" });
    expect(back).toEqual({ period: "biweek", weekday: 1, anchor: "2024-01-08" });
    expect(await analyst.workspace.current()).toMatchObject({
      meetingAnchor: "2024-01-08",
      meetingWeekday: 1,
    });
  });
});
