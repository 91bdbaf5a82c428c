import type { Db } from "../../server/db/client.ts";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG, seedDemoWorkspace } from "../factories/demo-workspace.factory.ts";
import { loginAs } from "./caller.ts";
import { createTestDb } from "./test-db.ts";

/** A fresh database with the demo workspace, its data ending on a fixed Sunday. */
export async function createDemoTestDb(endDate = "2026-11-15") {
  const testDb = await createTestDb();
  await seedDemoWorkspace(testDb.db, { endDate });
  return testDb;
}

/** A caller logged in as one of the demo users, working in the demo workspace. */
export async function demoCaller(db: Db, email: string) {
  return (await loginAs(db, email, DEMO_DEFAULT_PASSWORD, DEMO_SLUG)).caller;
}
