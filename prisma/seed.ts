import type { Db } from "../server/db/client.ts";
import { lastCompletePeriod, toLocalDate } from "../shared/calendar.ts";
import { DEMO_USERS, seedDemoWorkspace } from "./factories/demo-workspace.factory.ts";

/** Seeds the demo workspace when the database has none; returns what a new user needs to log in. */
export async function seedIfEmpty(db: Db, options: { password?: string; today?: Date } = {}) {
  if ((await db.workspace.count()) > 0) return null;
  // Data runs to the end of the last complete ISO week, so the latest period always has figures.
  const today = toLocalDate(options.today ?? new Date());
  const endDate = lastCompletePeriod("week", today, today).end;
  const result = await seedDemoWorkspace(db, { endDate, password: options.password });
  return { ...result, users: DEMO_USERS };
}
