import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { generateSyntheticIncidents } from "../../prisma/factories/incident.factory.ts";
import { createRandom } from "../../prisma/factories/random.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import {
  type CountSelection,
  countRanges,
  type DayRange,
  setWeeklyMemory,
} from "../../server/features/incidents/incident-counts.ts";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { addDays } from "../../shared/calendar.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// The statistics' one counting path (server/features/incidents/incident-counts.ts) against direct
// SQL on the incidents, for every way it can answer: the weekly rollup by category, the one by
// area, and the daily counts grouped by week, each with the days at a range's ends.

let testDb: TestDb;
let workspaceId: string;
let areaIds: string[];
let categoryIds: string[];
let sourceIds: string[];

beforeAll(async () => {
  testDb = await createTestDb();
  workspaceId = (await createWorkspace(testDb.db)).id;
  const { desos } = await createBorlangeAreas(testDb.db, workspaceId);
  const categories = (await createCategoryTree(testDb.db, workspaceId)).filter((c) => c.kind !== "group");
  const sources = await Promise.all(
    ["police", "partner"].map((name) =>
      testDb.db.dataSource.create({ data: { workspaceId, kind: "synthetic", name } }),
    ),
  );
  for (const [k, source] of sources.entries()) {
    const rows = generateSyntheticIncidents({
      seed: 11 + k,
      start: "2025-10-01",
      end: "2026-04-30",
      dataSourceId: source.id,
      areas: desos.map((d) => ({ ...d, population: d.population[2025] ?? 0 })),
      categories,
    });
    await insertIncidents(testDb.db, workspaceId, rows, "Europe/Stockholm");
  }
  // An incident without an area is in no count, as in the daily counts.
  await insertIncidents(
    testDb.db,
    workspaceId,
    [
      {
        dataSourceId: sources[0]?.id ?? "",
        externalId: "no-area",
        categoryId: categories[0]?.id ?? "",
        areaId: null,
        occurredFrom: null,
        registeredAt: new Date("2026-01-14T10:00:00Z"),
        count: 7,
      },
    ],
    "Europe/Stockholm",
  );
  // A replaced and a deleted incident: the rollups' removing pass.
  const [first, second] = await testDb.db.incident.findMany({
    where: { workspaceId, areaId: { not: null } },
    orderBy: { id: "asc" },
    take: 2,
    select: { id: true },
  });
  await testDb.db.incident.update({
    where: { workspaceId_id: { workspaceId, id: first?.id ?? 0n } },
    data: { count: 9, registeredOn: new Date("2026-02-11"), areaId: desos[3]?.id },
  });
  await testDb.db.incident.delete({ where: { workspaceId_id: { workspaceId, id: second?.id ?? 0n } } });
  areaIds = desos.map((d) => d.id);
  categoryIds = categories.map((c) => c.id);
  sourceIds = sources.map((s) => s.id);
});

afterAll(async () => {
  await testDb?.close();
});

/** The same counts straight from the incidents. */
async function direct(selection: CountSelection, range: DayRange) {
  const day = selection.basis === "registered" ? "registered_on" : "occurred_on";
  const key = {
    category: "category_id::text",
    area: "area_id::text",
    both: "category_id::text || '|' || area_id::text",
    none: "''",
  }[selection.keys];
  const rows = await testDb.driver.query<{ k: string; n: number }>(
    `SELECT ${key} AS k, SUM(count)::int AS n FROM incidents
     WHERE workspace_id = $1::uuid AND area_id IS NOT NULL AND ${day} BETWEEN $2::date AND $3::date
       AND ($4::text IS NULL OR area_id::text = ANY (string_to_array($4::text, ',')))
       AND ($5::text IS NULL OR category_id::text = ANY (string_to_array($5::text, ',')))
       AND ($6::text IS NULL OR data_source_id::text = ANY (string_to_array($6::text, ',')))
     GROUP BY 1`,
    [
      workspaceId,
      range.start,
      range.end,
      selection.areaIds?.join(",") ?? null,
      selection.categoryIds?.join(",") ?? null,
      selection.sourceIds.length > 0 ? selection.sourceIds.join(",") : null,
    ],
  );
  return new Map(rows.filter((row) => row.n !== 0).map((row) => [row.k, row.n]));
}

/** Ranges of every shape: whole weeks, ranges starting and ending mid-week, one day, empty. */
function ranges(seed: number): DayRange[] {
  const random = createRandom(seed);
  const list: DayRange[] = [
    { start: "2026-01-05", end: "2026-01-18" }, // two whole ISO weeks
    { start: "2026-01-01", end: "2026-03-31" }, // a quarter, Thursday to Tuesday
    { start: "2026-02-11", end: "2026-02-11" }, // one Wednesday
    { start: "2026-02-12", end: "2026-02-15" }, // within one week
    { start: "2026-03-10", end: "2026-03-09" }, // empty
    { start: "2020-01-01", end: "2020-12-31" }, // before the data
  ];
  for (let i = 0; i < 12; i++) {
    const start = addDays("2025-09-20", random.integer(220));
    list.push({ start, end: addDays(start, random.integer(120)) });
  }
  return list;
}

describe.each([
  ["weeks added up in memory", true],
  ["weeks added up by the database", false],
])("countRanges, %s", (_, inMemory) => {
  beforeAll(() => setWeeklyMemory(inMemory));
  afterAll(() => setWeeklyMemory(true));

  const cases: [string, () => CountSelection][] = [
    [
      "every area by category (weekly category rollup)",
      () => ({
        workspaceId,
        areaIds: null,
        categoryIds: null,
        sourceIds: [],
        basis: "registered",
        keys: "category",
      }),
    ],
    [
      "every category by area, occurred (weekly area rollup)",
      () => ({
        workspaceId,
        areaIds: null,
        categoryIds: null,
        sourceIds: [],
        basis: "occurred",
        keys: "area",
      }),
    ],
    [
      "a few areas and categories of one source by category (daily counts by week)",
      () => ({
        workspaceId,
        areaIds: areaIds.slice(0, 7),
        categoryIds: categoryIds.slice(0, 5),
        sourceIds: sourceIds.slice(0, 1),
        basis: "registered",
        keys: "category",
      }),
    ],
    [
      "every area, some categories, both keys",
      () => ({
        workspaceId,
        areaIds: null,
        categoryIds: categoryIds.slice(2, 9),
        sourceIds: [],
        basis: "registered",
        keys: "both",
      }),
    ],
    [
      "one total of the second source",
      () => ({
        workspaceId,
        areaIds: null,
        categoryIds: null,
        sourceIds: sourceIds.slice(1),
        basis: "occurred",
        keys: "none",
      }),
    ],
  ];
  it.each(cases)("counts %s exactly as the incidents do", async (_, selectionOf) => {
    const selection = selectionOf();
    const list = ranges(selection.keys.length + (selection.areaIds ? 100 : 0));
    const counted = await countRanges(testDb.db, selection, list);
    let compared = 0;
    for (const [index, range] of list.entries()) {
      const expected = await direct(selection, range);
      const actual = new Map(
        [...counted].map(([key, sums]) => [key, sums[index] ?? 0] as const).filter(([, n]) => n !== 0),
      );
      expect(actual, `range ${range.start}..${range.end}`).toEqual(expected);
      compared += [...expected.values()].reduce((sum, n) => sum + n, 0);
    }
    // The comparison covered real counts, not only empty ranges.
    expect(compared).toBeGreaterThan(100);
  });

  it("answers no ranges with nothing", async () => {
    const selection: CountSelection = {
      workspaceId,
      areaIds: null,
      categoryIds: null,
      sourceIds: [],
      basis: "registered",
      keys: "category",
    };
    expect((await countRanges(testDb.db, selection, [])).size).toBe(0);
  });
});

describe("the weekly rollup held in memory", () => {
  it("follows a write at the next question (the data version moves in the write's transaction)", async () => {
    const selection: CountSelection = {
      workspaceId,
      areaIds: null,
      categoryIds: null,
      sourceIds: [],
      basis: "registered",
      keys: "category",
    };
    const range = { start: "2026-03-02", end: "2026-03-15" };
    const before = await countRanges(testDb.db, selection, [range]);
    const category = categoryIds[4] ?? "";
    await insertIncidents(
      testDb.db,
      workspaceId,
      [
        {
          dataSourceId: sourceIds[1] ?? "",
          externalId: "later-1",
          categoryId: category,
          areaId: areaIds[2] ?? null,
          occurredFrom: null,
          registeredAt: new Date("2026-03-04T10:00:00Z"),
          count: 11,
        },
      ],
      "Europe/Stockholm",
    );
    const after = await countRanges(testDb.db, selection, [range]);
    expect(after.get(category)?.[0]).toBe((before.get(category)?.[0] ?? 0) + 11);
    expect(after).toEqual(
      new Map([...(await direct(selection, range))].map(([key, n]) => [key, [n]] as const)),
    );
  });
});
