import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RawDriver } from "./adapter.ts";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Applies prisma/migrations in order, recording them in Prisma's own _prisma_migrations table
// with the same checksum, so `prisma migrate status/deploy/dev` agree with what ran here.
// In-process (not the CLI) because tests run on in-memory PGlite and per-test schemas.
export async function applyMigrations(driver: RawDriver, dir = MIGRATIONS_DIR): Promise<string[]> {
  await driver.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const applied = await driver.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const appliedByName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const newlyApplied: string[] = [];
  for (const name of names) {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = appliedByName.get(name);
    if (previous) {
      if (previous !== checksum) {
        throw new Error(`Migration ${name} was changed after it was applied (checksum differs)`);
      }
      continue;
    }
    // One simple-protocol message runs as one implicit transaction: the migration and its
    // record land together or not at all.
    const record = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
      VALUES ('${randomUUID()}', '${checksum}', '${name.replaceAll("'", "''")}', now(), 1);`;
    await driver.exec(`${sql}\n;\n${record}`).catch((error: unknown) => {
      throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
    });
    newlyApplied.push(name);
  }
  return newlyApplied;
}
