import { randomBytes } from "node:crypto";
import pg from "pg";
import { quoteIdentifier } from "../../server/db/adapter.ts";
import { connectDb, type DbHandle } from "../../server/db/client.ts";

export type TestDb = DbHandle & { target: "pglite" | "postgres" };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or (EST_TEST_DB=postgres)
 * a new schema in the PostgreSQL at TEST_DATABASE_URL, dropped afterwards.
 */
export async function createTestDb(): Promise<TestDb> {
  if (process.env.EST_TEST_DB !== "postgres") {
    const handle = await connectDb({ pgliteDir: "memory" }, { migrate: true });
    return { ...handle, target: "pglite" };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "EST_TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL the tests may create schemas in)",
    );
  const schema = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  await admin.end();
  const handle = await connectDb({ databaseUrl: url, schema }, { migrate: true });
  return {
    ...handle,
    target: "postgres",
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
      await cleanup.end();
    },
  };
}
