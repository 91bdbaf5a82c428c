import { PrismaClient } from "../generated/prisma/client.ts";
import { type DatabaseTarget, openDatabase, type RawDriver } from "./adapter.ts";
import { applyMigrations } from "./migrate.ts";

export type Db = PrismaClient;
export type DbHandle = { db: Db; driver: RawDriver; close(): Promise<void> };

export async function connectDb(
  target: DatabaseTarget,
  options: { migrate?: boolean } = {},
): Promise<DbHandle> {
  const { driver, factory } = await openDatabase(target);
  if (options.migrate) await applyMigrations(driver);
  const db = new PrismaClient({ adapter: factory });
  return {
    db,
    driver,
    async close() {
      await db.$disconnect();
      await driver.close();
    },
  };
}
