import { PrismaClient } from "../generated/prisma/client.ts";
import { type DatabaseTarget, openDatabase, type RawDriver } from "./adapter.ts";
import { applyMigrations } from "./migrate.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbHandle = { db: Db; driver: RawDriver; close(): Promise<void> };

const drivers = new WeakMap<Db, RawDriver>();

/** The raw driver under a client connectDb opened (bulk COPY needs it; Prisma has no COPY). */
export function rawDriverOf(db: Db): RawDriver {
  const driver = drivers.get(db);
  if (!driver) throw new Error("This database client was not opened by connectDb");
  return driver;
}

/**
 * A plain parameterised query through the raw driver when the client has one, skipping Prisma's
 * engine (for the few queries every request runs); through Prisma otherwise. Cast dates to text:
 * the drivers turn DATE columns into different JavaScript values. A `name` prepares the statement
 * once per PostgreSQL connection.
 */
export async function queryPlain<Row>(
  db: Db,
  sql: string,
  params: unknown[],
  options?: { name?: string },
): Promise<Row[]> {
  const driver = drivers.get(db);
  return driver ? driver.query<Row>(sql, params, options) : db.$queryRawUnsafe<Row[]>(sql, ...params);
}

export async function connectDb(
  target: DatabaseTarget,
  options: { migrate?: boolean } = {},
): Promise<DbHandle> {
  const { driver, factory } = await openDatabase(target);
  if (options.migrate) await applyMigrations(driver);
  const db = new PrismaClient({ adapter: factory });
  drivers.set(db, driver);
  return {
    db,
    driver,
    async close() {
      await db.$disconnect();
      await driver.close();
    },
  };
}
