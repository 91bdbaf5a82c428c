import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePeriods, periodContaining } from "../../shared/calendar.ts";
import { describeSustained, sustainedPlan } from "../../shared/rising-over-time.ts";
import type { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

async function sqlCount(options: {
  categoryCode: string;
  from: string;
  to: string;
  column?: string;
  areaCode?: string;
}) {
  const column = options.column ?? "registered_on";
  const rows = await testDb.driver.query<{ n: number }>(
    `WITH RECURSIVE scope AS (
       SELECT id FROM categories WHERE code = $1
       UNION ALL SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id)
     SELECT COALESCE(SUM(i.count), 0)::int AS n FROM incidents i JOIN areas a ON a.id = i.area_id
     WHERE i.category_id IN (SELECT id FROM scope) AND i.${column} BETWEEN $2::date AND $3::date
       AND ($4::text IS NULL OR a.code = $4)`,
    [options.categoryCode, options.from, options.to, options.areaCode ?? null],
  );
  return rows[0]?.n ?? -1;
}

describe("CompStat", () => {
  it("compares the period with the previous one, last year and year to date, as direct SQL does", async () => {
    const result = await analyst.analysis.compstat({ period: { kind: "biweek", date: "2026-11-03" } });
    const comparison = comparePeriods(periodContaining("biweek", "2026-11-03", "2024-01-08"));
    expect(result.current).toEqual(comparison.current);
    const fraud = result.rows.find((row) => row.code === "G-BEDRAGERI");
    if (!fraud) throw new Error("no fraud row");
    expect(fraud.depth).toBe(0);
    expect(fraud.current).toBe(
      await sqlCount({
        categoryCode: "G-BEDRAGERI",
        from: comparison.current.start,
        to: comparison.current.end,
      }),
    );
    expect(fraud.previous).toBe(
      await sqlCount({
        categoryCode: "G-BEDRAGERI",
        from: comparison.previous.start,
        to: comparison.previous.end,
      }),
    );
    expect(fraud.lastYear).toBe(
      await sqlCount({
        categoryCode: "G-BEDRAGERI",
        from: comparison.lastYear.start,
        to: comparison.lastYear.end,
      }),
    );
    expect(fraud.yearToDate).toBe(
      await sqlCount({
        categoryCode: "G-BEDRAGERI",
        from: comparison.yearToDate.start,
        to: comparison.yearToDate.end,
      }),
    );
    expect(fraud.lastYearToDate).toBe(
      await sqlCount({
        categoryCode: "G-BEDRAGERI",
        from: comparison.lastYearToDate.start,
        to: comparison.lastYearToDate.end,
      }),
    );
    expect(fraud.sparkline).toHaveLength(13);
    expect(fraud.sparkline.at(-1)).toBe(fraud.current);
    // The planted rise: fraud so far this year is well above the same weeks last year.
    expect(fraud.yearToDate).toBeGreaterThan(fraud.lastYearToDate);
    const children = result.rows.filter((row) => row.parentId === fraud.id);
    expect(children.reduce((sum, row) => sum + row.current, 0)).toBe(fraud.current);
    expect(["clear", "possible", "normal", "too_few"]).toContain(fraud.flag.level);
  });

  it("counts by crime date when asked, and filters by area", async () => {
    const input = {
      period: { kind: "month" as const, date: "2026-06-10" },
      areaCodes: ["2081C1090"],
      dateBasis: "occurred" as const,
    };
    const result = await analyst.analysis.compstat(input);
    const theft = result.rows.find((row) => row.code === "G-STOLD");
    expect(theft?.current).toBe(
      await sqlCount({
        categoryCode: "G-STOLD",
        from: "2026-06-01",
        to: "2026-06-30",
        column: "occurred_on",
        areaCode: "2081C1090",
      }),
    );
    expect(result.dateBasis).toBe("occurred");
  });

  it("groups by area on request, rolling DeSO up to RegSO and kommun", async () => {
    const result = await analyst.analysis.compstat({
      period: { kind: "biweek", date: "2026-11-03" },
      groupBy: "area",
    });
    const kommun = result.rows.find((row) => row.code === "2081");
    const desos = result.rows.filter((row) => row.depth === 2);
    expect(kommun?.depth).toBe(0);
    expect(desos.reduce((sum, row) => sum + row.current, 0)).toBe(kommun?.current);
    // Rates per 1,000 inhabitants: a district's own population, the kommun's the sum of its districts'.
    const populations = await testDb.driver.query<{ code: string; population: number }>(
      "SELECT a.code, p.population FROM area_populations p JOIN areas a ON a.id = p.area_id WHERE p.year = 2025",
    );
    const total = populations.reduce((sum, row) => sum + row.population, 0);
    expect(result.populationYear).toBe(2025);
    expect(kommun?.rate).toBeCloseTo(((kommun?.current ?? 0) / total) * 1000, 10);
    const deso = desos[0];
    const own = populations.find((row) => row.code === deso?.code)?.population ?? 0;
    expect(deso?.rate).toBeCloseTo(((deso?.current ?? 0) / own) * 1000, 10);
    const byCategory = await analyst.analysis.compstat({ period: { kind: "biweek", date: "2026-11-03" } });
    const root = byCategory.rows[0];
    expect(root?.rate).toBeCloseTo(((root?.current ?? 0) / total) * 1000, 10);
  });

  it("lists what is rising now, strongest first, consistent with the CompStat flags", async () => {
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" } };
    const [rising, compstat] = await Promise.all([
      analyst.analysis.risingNow(input),
      analyst.analysis.compstat(input),
    ]);
    const fraud = compstat.rows.find((row) => row.code === "G-BEDRAGERI");
    const fraudInKommun = rising.find(
      (pair) => pair.categoryCode === "G-BEDRAGERI" && pair.areaCode === "2081",
    );
    expect(fraud?.flag.level).toMatch(/clear|possible/);
    expect(fraudInKommun).toMatchObject({ current: fraud?.current, level: fraud?.flag.level });
    expect(fraudInKommun?.expected).toBeCloseTo(fraud?.flag.expected ?? -1, 10);
    const pValues = rising.map((pair) => pair.pValue);
    expect(pValues.every((p) => p < 0.05)).toBe(true);
    expect(pValues).toEqual([...pValues].sort((a, b) => a - b));
  });

  it("gives a trend whose last period and band agree with the CompStat flag", async () => {
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" }, categoryCodes: ["G-BEDRAGERI"] };
    const [trend, compstat] = await Promise.all([
      analyst.analysis.trend({ ...input, periods: 26 }),
      analyst.analysis.compstat(input),
    ]);
    const fraud = compstat.rows.find((row) => row.code === "G-BEDRAGERI");
    const last = trend.at(-1);
    expect(trend).toHaveLength(26);
    expect(last).toMatchObject({
      start: compstat.current.start,
      count: fraud?.current,
      level: fraud?.flag.level,
    });
    expect(last?.expected).toBeCloseTo(fraud?.flag.expected ?? -1, 10);
    expect(last?.low ?? Number.NaN).toBeLessThanOrEqual(last?.expected ?? Number.NaN);
    expect(last?.high ?? Number.NaN).toBeGreaterThan(last?.expected ?? Number.NaN);
    expect(trend.map((point) => point.count).slice(-13)).toEqual(fraud?.sparkline);
  });

  it("flags the demo's fraud rise as rising over time, its windows counted as direct SQL counts them", async () => {
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" } };
    const [compstat, overTime] = await Promise.all([
      analyst.analysis.compstat(input),
      analyst.analysis.risingOverTime(input),
    ]);
    const fraud = compstat.rows.find((row) => row.code === "G-BEDRAGERI");
    if (!fraud) throw new Error("no fraud row");
    expect(compstat.flagBasis).toBe("period");
    expect(fraud.sustained.level).toBe("sure");
    const coverage = await testDb.driver.query<{ first: string; last: string }>(
      "SELECT MIN(registered_on)::text AS first, MAX(registered_on)::text AS last FROM incidents",
    );
    const plan = sustainedPlan(periodContaining("biweek", "2026-11-03", "2024-01-08"), coverage[0] ?? null);
    expect(compstat.sustainedEnd).toBe(plan.end);
    expect(fraud.sustained.windows.map((window) => window.key)).toEqual([
      "weeks13",
      "weeks26",
      "weeks52",
      "yearToDate",
    ]);
    for (const [k, window] of plan.windows.entries()) {
      const counted = fraud.sustained.windows[k];
      expect(counted?.current).toBe(
        await sqlCount({ categoryCode: "G-BEDRAGERI", from: window.current.start, to: window.current.end }),
      );
      expect(counted?.earlier).toBe(
        await sqlCount({ categoryCode: "G-BEDRAGERI", from: window.earlier.start, to: window.earlier.end }),
      );
    }
    expect(describeSustained(fraud.sustained, "sv")).toMatch(
      /^De senaste (13|26|52) veckorna: \+\d+ % jämfört med samma period i fjol \(\d+ mot \d+\), säker ökning\.$/,
    );
    // Ökar över tid lists the same pair with the same window; every item is sure or likely.
    const inKommun = overTime.find((pair) => pair.categoryCode === "G-BEDRAGERI" && pair.areaCode === "2081");
    expect(inKommun).toMatchObject({ level: "sure", window: fraud.sustained.window });
    expect(overTime.every((pair) => pair.pValue < 0.01)).toBe(true);
  });

  it("uses the sustained flag for years: the period against the same period a year earlier", async () => {
    const result = await analyst.analysis.compstat({ period: { kind: "year", date: "2026-06-01" } });
    const fraud = result.rows.find((row) => row.code === "G-BEDRAGERI");
    expect(result.flagBasis).toBe("sustained");
    expect(fraud?.sustained.windows).toHaveLength(1);
    const window = fraud?.sustained.window;
    expect(window?.key).toBe("period");
    expect(window?.current).toBe(
      await sqlCount({ categoryCode: "G-BEDRAGERI", from: "2026-01-01", to: result.sustainedEnd }),
    );
    expect(window?.earlier).toBe(
      await sqlCount({
        categoryCode: "G-BEDRAGERI",
        from: "2025-01-01",
        to: `2025${result.sustainedEnd.slice(4)}`,
      }),
    );
    expect(fraud?.flag).toMatchObject({
      level: fraud?.sustained.level === "sure" ? "clear" : "possible",
      pValue: fraud?.sustained.pValue,
      windowObserved: window?.current,
      windowExpected: window?.earlier,
    });
  });
});
