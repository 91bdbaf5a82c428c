import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, periodContaining } from "../../shared/calendar.ts";
import type { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];
const PERIOD = { kind: "biweek" as const, date: "2026-11-03" };

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

/** One number straight from the incidents table. */
async function sql(query: string, params: unknown[]) {
  return (await testDb.driver.query<{ n: number }>(query, params))[0]?.n ?? -1;
}

describe("when incidents happen", () => {
  it("counts the 52 weeks ending with the period by weekday and by Stockholm hour", async () => {
    const result = await analyst.analysis.patterns({ period: PERIOD, categoryCodes: ["G-VALD"] });
    const end = periodContaining("biweek", PERIOD.date, "2024-01-08").end;
    expect(result.window).toEqual({ start: addDays(end, -363), end });
    const scope = `WITH RECURSIVE scope AS (SELECT id FROM categories WHERE code = 'G-VALD'
      UNION ALL SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id)`;
    const where = "category_id IN (SELECT id FROM scope) AND registered_on BETWEEN $1::date AND $2::date";
    expect(result.total).toBe(
      await sql(`${scope} SELECT SUM(count)::int AS n FROM incidents WHERE ${where}`, [
        result.window.start,
        end,
      ]),
    );
    expect(result.total).toBeGreaterThan(100);
    // Sundays (ISO weekday 7) are the last entry.
    expect(result.weekdays[6]).toBe(
      await sql(
        `${scope} SELECT SUM(count)::int AS n FROM incidents WHERE ${where} AND EXTRACT(ISODOW FROM registered_on) = 7`,
        [result.window.start, end],
      ),
    );
    // Friday 23:00–23:59 Stockholm time, whatever the season's UTC offset.
    expect(result.weekdayHours[4]?.[23]).toBe(
      await sql(
        `${scope} SELECT COALESCE(SUM(count), 0)::int AS n FROM incidents WHERE ${where} AND time_known
           AND EXTRACT(ISODOW FROM occurred_from AT TIME ZONE 'Europe/Stockholm') = 5
           AND EXTRACT(HOUR FROM occurred_from AT TIME ZONE 'Europe/Stockholm') = 23`,
        [result.window.start, end],
      ),
    );
    const cells = result.weekdayHours.flat();
    expect(cells.reduce((sum, n) => sum + n, 0)).toBe(result.timed);
  });

  it("gives weekly series per ISO year, with no value for weeks that have not ended", async () => {
    const years = await analyst.analysis.years({ period: PERIOD, years: 3 });
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    const current = years[2]?.weeks ?? [];
    // The biweekly period ends in week 45 of 2026.
    expect(current[44]).not.toBeNull();
    expect(current[45]).toBeNull();
    // 2026 has 53 ISO weeks, 2025 has 52.
    expect(years[1]?.weeks[52]).toBeNull();
    expect(current[9]).toBe(
      await sql(
        "SELECT SUM(count)::int AS n FROM incidents WHERE registered_on BETWEEN '2026-03-02' AND '2026-03-08'",
        [],
      ),
    );
  });

  it("sums incidents per location with their precision, accounting for every incident", async () => {
    const areaCodes = ["2081C1090", "2081C1100"];
    const [points, stats] = await Promise.all([
      analyst.overview.points({ period: PERIOD, areaCodes }),
      analyst.overview.districtStats({ period: PERIOD, areaCodes }),
    ]);
    expect(points.points).toHaveLength(2);
    expect(points.points.every((p) => p.precision === "area_centroid")).toBe(true);
    expect(points.points.reduce((sum, p) => sum + p.count, 0) + points.withoutPoint).toBe(stats.total.count);
    expect(points.byPrecision.area_centroid).toBe(stats.total.count);
    expect(points.truncated).toBe(false);
  });
});
