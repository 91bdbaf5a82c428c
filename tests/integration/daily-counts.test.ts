import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { generateSyntheticIncidents } from "../../prisma/factories/incident.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let workspaceId: string;

/** The aggregate table must always equal a fresh aggregation of the incidents. */
async function mismatches() {
  const rows = await testDb.driver.query<{ n: number }>(`
    WITH fresh AS (
      SELECT workspace_id, day, area_id, category_id, data_source_id, SUM(r)::int AS registered, SUM(o)::int AS occurred
      FROM (
        SELECT workspace_id, registered_on AS day, area_id, category_id, data_source_id, count AS r, 0 AS o FROM incidents
        UNION ALL SELECT workspace_id, occurred_on, area_id, category_id, data_source_id, 0, count FROM incidents WHERE occurred_on IS NOT NULL
      ) x WHERE area_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
    kept AS (SELECT * FROM daily_incident_counts WHERE registered <> 0 OR occurred <> 0)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM fresh EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM fresh)
    ) differences`);
  return rows[0]?.n;
}

/** Each weekly rollup must equal a fresh aggregation of the incidents by ISO week (its Monday). */
async function weeklyMismatches(table: "weekly_category_counts" | "weekly_area_counts") {
  const key = table === "weekly_category_counts" ? "category_id" : "area_id";
  const rows = await testDb.driver.query<{ n: number }>(`
    WITH fresh AS (
      SELECT workspace_id, day - (EXTRACT(ISODOW FROM day)::int - 1) AS week, ${key}, data_source_id,
             SUM(r)::int AS registered, SUM(o)::int AS occurred
      FROM (
        SELECT workspace_id, registered_on AS day, area_id, category_id, data_source_id, count AS r, 0 AS o FROM incidents
        UNION ALL SELECT workspace_id, occurred_on, area_id, category_id, data_source_id, 0, count FROM incidents WHERE occurred_on IS NOT NULL
      ) x WHERE area_id IS NOT NULL GROUP BY 1, 2, 3, 4),
    kept AS (SELECT workspace_id, week, ${key}, data_source_id, registered, occurred FROM ${table}
             WHERE registered <> 0 OR occurred <> 0)
    SELECT count(*)::int AS n FROM (
      (SELECT * FROM fresh EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM fresh)
    ) differences`);
  return rows[0]?.n;
}

async function allMismatches() {
  return {
    daily: await mismatches(),
    weeklyCategory: await weeklyMismatches("weekly_category_counts"),
    weeklyArea: await weeklyMismatches("weekly_area_counts"),
  };
}
const NONE = { daily: 0, weeklyCategory: 0, weeklyArea: 0 };

beforeAll(async () => {
  testDb = await createTestDb();
  workspaceId = (await createWorkspace(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("daily incident counts and their weekly rollups", () => {
  it("stay equal to the incidents through inserts, re-imports, replacements and deletes", async () => {
    const { desos } = await createBorlangeAreas(testDb.db, workspaceId);
    const categories = (await createCategoryTree(testDb.db, workspaceId)).filter((c) => c.kind !== "group");
    const source = await testDb.db.dataSource.create({ data: { workspaceId, kind: "synthetic", name: "s" } });
    const rows = generateSyntheticIncidents({
      seed: 3,
      start: "2026-01-05",
      end: "2026-03-29",
      dataSourceId: source.id,
      areas: desos.map((d) => ({ ...d, population: d.population[2025] ?? 0 })),
      categories,
    });
    expect(rows.length).toBeGreaterThan(300);
    await insertIncidents(testDb.db, workspaceId, rows, "Europe/Stockholm");
    expect(await allMismatches()).toEqual(NONE);
    // A re-import updates rows in place (ON CONFLICT DO UPDATE), with changed counts and areas.
    await insertIncidents(
      testDb.db,
      workspaceId,
      rows.slice(0, 100).map((row, i) => ({ ...row, count: 3, areaId: desos[i % 5]?.id ?? null })),
      "Europe/Stockholm",
    );
    expect(await allMismatches()).toEqual(NONE);
    await testDb.db.incident.deleteMany({
      where: { workspaceId, registeredOn: { lt: new Date("2026-02-01") } },
    });
    expect(await allMismatches()).toEqual(NONE);
    const total = await testDb.driver.query<{ n: number }>(
      "SELECT SUM(registered)::int AS n FROM daily_incident_counts",
    );
    const direct = await testDb.driver.query<{ n: number }>("SELECT SUM(count)::int AS n FROM incidents");
    expect(total[0]?.n).toBe(direct[0]?.n);
  });
});
