import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticIncidents } from "../../prisma/factories/incident.factory.ts";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { addDays, isoWeekStart, periodContaining, previousPeriod } from "../../shared/calendar.ts";
import type { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

const END = "2026-11-15";
let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];

beforeAll(async () => {
  testDb = await createDemoTestDb(END);
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

/** Counted straight from the incidents table, independent of the service's query. */
async function sqlCount(options: { areaCode?: string; categoryCode?: string; from: string; to: string }) {
  const rows = await testDb.driver.query<{ n: number }>(
    `WITH RECURSIVE scope AS (
       SELECT id, workspace_id FROM categories WHERE code = $4
       UNION ALL SELECT c.id, c.workspace_id FROM categories c JOIN scope s ON c.parent_id = s.id AND c.workspace_id = s.workspace_id
     )
     SELECT COALESCE(SUM(i.count), 0)::int AS n
     FROM incidents i JOIN areas a ON a.id = i.area_id AND a.workspace_id = i.workspace_id
     WHERE i.registered_on BETWEEN $1::date AND $2::date
       AND ($3::text IS NULL OR a.code = $3)
       AND ($4::text IS NULL OR i.category_id IN (SELECT id FROM scope))`,
    [options.from, options.to, options.areaCode ?? null, options.categoryCode ?? null],
  );
  return rows[0]?.n ?? -1;
}

describe("overview figures", () => {
  it("match a direct SQL count per district for the period and the one before", async () => {
    const period = periodContaining("biweek", "2026-11-03", "2024-01-08");
    const previous = previousPeriod(period);
    const stats = await analyst.overview.districtStats({ period: { kind: "biweek", date: "2026-11-03" } });
    expect(stats.period).toEqual(period);
    expect(stats.rows).toHaveLength(27);
    expect(stats.total.count).toBeGreaterThan(50);
    for (const row of stats.rows) {
      const code = row.code ?? "";
      expect(row.count).toBe(await sqlCount({ areaCode: code, from: period.start, to: period.end }));
      expect(row.previousCount).toBe(
        await sqlCount({ areaCode: code, from: previous.start, to: previous.end }),
      );
    }
    expect(stats.total.count).toBe(await sqlCount({ from: period.start, to: period.end }));
  });

  it("filters by district and by a category with its whole subtree", async () => {
    const input = {
      period: { kind: "week" as const, date: "2026-10-14" },
      areaCodes: ["2081C1090", "2081C1100"],
      categoryCodes: ["G-SKADEGORELSE"],
    };
    const stats = await analyst.overview.districtStats(input);
    const week = periodContaining("week", "2026-10-14", "2024-01-08");
    expect(stats.rows.map((row) => row.code).sort()).toEqual(["2081C1090", "2081C1100"]);
    for (const row of stats.rows) {
      expect(row.count).toBe(
        await sqlCount({
          areaCode: row.code ?? "",
          categoryCode: "G-SKADEGORELSE",
          from: week.start,
          to: week.end,
        }),
      );
    }
    // A RegSO code selects the DeSO areas below it.
    const regso = await analyst.overview.districtStats({
      ...input,
      areaCodes: ["2081R003"],
      categoryCodes: [],
    });
    expect(regso.rows.map((row) => row.code).sort()).toEqual(["2081C1020", "2081C1030", "2081C1050"]);
  });

  it("computes the rate per 1,000 inhabitants from the period's population year", async () => {
    const stats = await analyst.overview.districtStats({
      period: { kind: "biweek", date: "2026-11-03" },
      areaCodes: ["2081C1090"],
    });
    const [row] = stats.rows;
    expect(stats.populationYear).toBe(2025);
    expect(row?.population).toBe(1928);
    expect(row?.rate).toBeCloseTo(((row?.count ?? 0) / 1928) * 1000, 10);
  });

  it("gives 52 weeks of counts ending with the period, beside the same ISO weeks last year", async () => {
    const trend = await analyst.overview.weeklyTrend({
      period: { kind: "week", date: "2026-11-10" },
      areaCodes: ["2081C1090"],
      weeks: 52,
    });
    expect(trend.weeks).toHaveLength(52);
    expect(trend.weeks.at(-1)).toMatchObject({ weekStart: "2026-11-09", isoWeek: "2026-W46" });
    expect(trend.weeks[0]?.weekStart).toBe(addDays("2026-11-09", -51 * 7));
    for (const week of [trend.weeks[0], trend.weeks[30], trend.weeks[51]]) {
      if (!week) throw new Error("missing week");
      expect(week.count).toBe(
        await sqlCount({ areaCode: "2081C1090", from: week.weekStart, to: addDays(week.weekStart, 6) }),
      );
      const lastYear = isoWeekStart({
        year: Number(week.isoWeek.slice(0, 4)) - 1,
        week: Number(week.isoWeek.slice(-2)),
      });
      expect(week.lastYearCount).toBe(
        await sqlCount({ areaCode: "2081C1090", from: lastYear, to: addDays(lastYear, 6) }),
      );
    }
  });

  it("rejects malformed filters with a validation error", async () => {
    await expect(
      analyst.overview.districtStats({ period: { kind: "week", date: "2026-13-01" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      analyst.overview.weeklyTrend({ period: { kind: "decade" as never, date: "2026-01-01" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("demo data", () => {
  it("is deterministic and has the planted rise in fraud", async () => {
    const options = {
      seed: 7,
      start: "2025-01-06",
      end: "2026-11-15",
      dataSourceId: "source",
      centreCode: "A",
      areas: [
        { id: "a", code: "A", centroidLon: 15.45, centroidLat: 60.48, population: 2000 },
        { id: "b", code: "B", centroidLon: 15.3, centroidLat: 60.4, population: 1500 },
      ],
      categories: [{ id: "fraud", code: "951", perYear: 300, urban: 0 }],
      rising: { codes: ["951"], weeks: 12, factor: 2.2 },
    };
    const first = generateSyntheticIncidents(options);
    expect(generateSyntheticIncidents(options)).toEqual(first);
    const recent = first.filter((row) => row.registeredAt >= new Date("2026-09-01")).length;
    const yearBefore = first.filter(
      (row) => row.registeredAt >= new Date("2025-09-01") && row.registeredAt < new Date("2025-11-16"),
    ).length;
    expect(recent / yearBefore).toBeGreaterThan(1.4);
  });

  it("puts every seeded incident in a Borlänge district and category", async () => {
    const orphans = await testDb.driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM incidents WHERE area_id IS NULL OR category_id IS NULL",
    );
    expect(orphans[0]?.n).toBe(0);
    expect(await testDb.db.area.count({ where: { kind: "deso" } })).toBe(27);
  });

  it("filters by data source", async () => {
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" } };
    const before = await analyst.overview.districtStats(input);
    const earlier = await analyst.incidents.sources();
    const workspace = await testDb.db.workspace.findFirstOrThrow({ select: { id: true } });
    const extra = await testDb.db.dataSource.create({
      data: { workspaceId: workspace.id, kind: "partner_reports", name: "Test: Tunabyggen" },
    });
    const area = await testDb.db.area.findFirstOrThrow({ where: { code: "2081C1090" } });
    const category = await testDb.db.category.findFirstOrThrow({ where: { kind: "partner_event" } });
    await insertIncidents(
      testDb.db,
      workspace.id,
      [1, 2, 3].map((n) => ({
        dataSourceId: extra.id,
        externalId: `k${n}`,
        categoryId: category.id,
        areaId: area.id,
        occurredFrom: null,
        registeredAt: new Date("2026-11-02T10:00:00Z"),
        count: n,
      })),
      "Europe/Stockholm",
    );
    expect((await analyst.incidents.sources()).map((s) => s.name)).toContain("Test: Tunabyggen");
    const all = await analyst.overview.districtStats(input);
    const onlyExtra = await analyst.overview.districtStats({ ...input, sourceIds: [extra.id] });
    const onlySeeded = await analyst.overview.districtStats({
      ...input,
      sourceIds: earlier.map((source) => source.id),
    });
    expect(all.total.count).toBe(before.total.count + 6);
    expect(onlyExtra.total.count).toBe(6);
    expect(onlyExtra.rows.find((row) => row.code === "2081C1090")?.count).toBe(6);
    expect(onlySeeded.total.count).toBe(before.total.count);
    const compstat = await analyst.analysis.compstat({ ...input, sourceIds: [extra.id] });
    expect(compstat.rows.filter((row) => row.depth === 0).reduce((sum, row) => sum + row.current, 0)).toBe(6);
  });

  it("counts an incident placed on the kommun, not a district, in neither the district table nor the weekly trend", async () => {
    // Police events carry the kommun as their area: the overview's table and chart count districts.
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" } };
    const workspace = await testDb.db.workspace.findFirstOrThrow({ select: { id: true } });
    const kommun = await testDb.db.area.findFirstOrThrow({ where: { kind: "kommun" } });
    const category = await testDb.db.category.findFirstOrThrow({ where: { kind: "partner_event" } });
    const source = await testDb.db.dataSource.create({
      data: { workspaceId: workspace.id, kind: "police_events_api", name: "Test: händelser" },
    });
    const trendBefore = await analyst.overview.weeklyTrend({ ...input, weeks: 4 });
    const tableBefore = await analyst.overview.districtStats(input);
    await insertIncidents(
      testDb.db,
      workspace.id,
      [
        {
          dataSourceId: source.id,
          externalId: "kommun-1",
          categoryId: category.id,
          areaId: kommun.id,
          occurredFrom: null,
          registeredAt: new Date("2026-11-04T10:00:00Z"),
          count: 5,
        },
      ],
      "Europe/Stockholm",
    );
    const trend = await analyst.overview.weeklyTrend({ ...input, weeks: 4 });
    const table = await analyst.overview.districtStats(input);
    expect(table.total.count).toBe(tableBefore.total.count);
    expect(trend.weeks.map((week) => week.count)).toEqual(trendBefore.weeks.map((week) => week.count));
    // Chosen explicitly, the kommun covers its districts, and the chart still counts those.
    const chosen = await analyst.overview.weeklyTrend({ ...input, weeks: 4, areaCodes: [kommun.code ?? ""] });
    expect(chosen.weeks.map((week) => week.count)).toEqual(trend.weeks.map((week) => week.count));
    // CompStat counts every area of the workspace, the kommun's own incidents too.
    const compstat = await analyst.analysis.compstat({ ...input, sourceIds: [source.id] });
    expect(compstat.rows.filter((row) => row.depth === 0).reduce((sum, row) => sum + row.current, 0)).toBe(5);
  });
});
