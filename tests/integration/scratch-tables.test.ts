import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawDriverOf } from "../../server/db/client.ts";
import {
  dropOrphanedStagingTables,
  scratchTableName,
} from "../../server/features/incidents/incident-writer.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// An import killed mid-way leaves its scratch tables (staged rows, a police file as it is, the
// windows it replaces); opening the database drops those no running import can still use.
let testDb: TestDb;
const HOUR = 3_600_000;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

async function scratchTables(): Promise<string[]> {
  const rows = await rawDriverOf(testDb.db).query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'import\\_%' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

describe("scratch tables of imports", () => {
  it("drops every kind left by a killed import once it is older than any import, and keeps a running one's", async () => {
    const driver = rawDriverOf(testDb.db);
    const twoHoursAgo = (prefix: string) =>
      `${prefix}${(Date.now() - 2 * HOUR).toString(36)}_${"ab".repeat(6)}`;
    const old = [twoHoursAgo("import_raw_"), twoHoursAgo("import_stage_"), twoHoursAgo("import_windows_")];
    const legacy = "import_stage_0123456789abcdef";
    const running = [scratchTableName("import_raw_"), scratchTableName("import_stage_")];
    for (const name of [...old, legacy, ...running]) await driver.exec(`CREATE TABLE "${name}" (x int)`);
    const other = "import_batches";

    const dropped = await dropOrphanedStagingTables(driver, HOUR);

    expect(dropped).toBe(old.length + 1);
    const left = await scratchTables();
    expect(left).toEqual(expect.arrayContaining(running));
    for (const name of [...old, legacy]) expect(left).not.toContain(name);
    expect(left).toContain(other);
    // The embedded database's own process holds its folder alone: everything goes.
    expect(await dropOrphanedStagingTables(driver, 0)).toBe(running.length);
    expect(await scratchTables()).toEqual([other]);
  });
});
