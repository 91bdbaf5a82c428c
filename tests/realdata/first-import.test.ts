import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { importAreasGeoJson } from "../../server/features/areas/areas.import.ts";
import { importCrimeCodeKey } from "../../server/features/categories/crime-codes.import.ts";
import { importPoliceDelivery } from "../../server/features/incidents/police-delivery.ts";
import { describeRealData, readCsv, SHARED_DATA } from "../support/shared-data.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// A new kommun's first police deliveries land in a fresh, never-analysed database. That import
// once took over seven minutes on PostgreSQL (the replace step scanned the staging table per
// row) while a later one took seconds: the first must be no slower than a repeat, on both databases.
const DALARNA = path.join(SHARED_DATA, "dalarna");
const FILES = ["brott_polisen_dalarna_2022.csv", "brott_polisen_dalarna_2023.csv"];
const targets: ("pglite" | "postgres")[] =
  process.env.TEST_DATABASE_URL || process.env.CI ? ["pglite", "postgres"] : ["pglite"];
const opened: TestDb[] = [];

afterAll(async () => {
  for (const db of opened) await db.close();
});

async function freshDalarna(target: "pglite" | "postgres") {
  const previous = process.env.EST_TEST_DB;
  process.env.EST_TEST_DB = target;
  const testDb = await createTestDb().finally(() => {
    process.env.EST_TEST_DB = previous;
  });
  opened.push(testDb);
  const workspace = await createWorkspace(testDb.db, { name: "EST Dalarna", slug: "est-dalarna" });
  await importAreasGeoJson({
    db: testDb.db,
    workspaceId: workspace.id,
    content: fs.readFileSync(path.join(DALARNA, "deso_dalarna.geojson")),
    kind: "deso",
    codeProperty: "desokod",
    parentCodeProperty: "Kommunkod",
    parentNameProperty: "Kommunnamn",
  });
  await importCrimeCodeKey({
    db: testDb.db,
    workspaceId: workspace.id,
    content: fs.readFileSync(path.join(DALARNA, "brott_niva_nyckel.csv")),
  });
  return { testDb, workspaceId: workspace.id };
}

const timedImport = async (db: TestDb["db"], workspaceId: string, file: string, content?: string) => {
  const started = performance.now();
  const batch = await importPoliceDelivery({
    db,
    workspaceId,
    timeZone: "Europe/Stockholm",
    userId: null,
    fileName: file,
    content: content ?? fs.readFileSync(path.join(DALARNA, file)),
  });
  return { seconds: (performance.now() - started) / 1000, rows: batch.rowCount };
};

describeRealData("a new kommun's first police deliveries", () => {
  for (const target of targets) {
    it(`import into a fresh ${target} database as fast as a repeat, and count what the files hold`, async () => {
      const { testDb, workspaceId } = await freshDalarna(target);
      const first = [];
      for (const file of FILES) first.push(await timedImport(testDb.db, workspaceId, file));
      const raw = FILES.flatMap((file) => readCsv<{ antal_brott: string }>(`dalarna/${file}`));
      const [stored] = await testDb.db.$queryRawUnsafe<{ n: number }[]>(
        "SELECT COALESCE(SUM(count), 0)::int AS n FROM incidents",
      );
      expect(stored?.n).toBe(raw.reduce((sum, row) => sum + Number(row.antal_brott), 0));
      // The same files again, now into analysed tables that hold them: what "fast" means here.
      const repeat = [];
      for (const file of FILES) repeat.push(await timedImport(testDb.db, workspaceId, file));
      const firstSeconds = first.reduce((sum, run) => sum + run.seconds, 0);
      const repeatSeconds = repeat.reduce((sum, run) => sum + run.seconds, 0);
      console.info(
        `${target}: first import ${firstSeconds.toFixed(1)} s, repeated ${repeatSeconds.toFixed(1)} s`,
      );
      expect(first.map((run) => run.rows)).toEqual([24_372, 29_521]);
      // Not a timing target (the bench reports those): a guard against the pathological plan,
      // which made the first import a hundred times slower than the repeat.
      expect(firstSeconds).toBeLessThan(3 * repeatSeconds + 10);
    }, 600_000);
  }
});
