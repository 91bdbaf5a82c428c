import type { Db } from "../../server/db/client.ts";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG, seedDemoWorkspace } from "../../prisma/factories/demo-workspace.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { loginAs } from "./caller.ts";
import { createTestDb } from "./test-db.ts";

/**
 * A fresh database with the demo workspace, its data ending on a fixed Sunday; its year of
 * published lägesbilder only when asked for (they cost seconds and most tests draft their own).
 */
export async function createDemoTestDb(endDate = "2026-11-15", options: { meetings?: boolean } = {}) {
  const testDb = await createTestDb();
  await seedDemoWorkspace(testDb.db, { endDate, meetings: options.meetings ?? false });
  return testDb;
}

/** A caller logged in as one of the demo users, working in the demo workspace. */
export async function demoCaller(db: Db, email: string) {
  return (await loginAs(db, email, DEMO_DEFAULT_PASSWORD, DEMO_SLUG)).caller;
}

/** An analyst of another workspace (EST Falun), to prove that nothing crosses workspaces. */
export async function outsiderCaller(db: Db) {
  const other = await createWorkspace(db, { slug: "est-falun" });
  await createUser(db, {
    email: "analytiker@falun.example",
    memberships: [{ workspaceId: other.id, role: "analyst" }],
  });
  return (await loginAs(db, "analytiker@falun.example", TEST_PASSWORD, "est-falun")).caller;
}
