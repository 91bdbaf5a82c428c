import fs from "node:fs";
import { parseArgs } from "node:util";
import { seedIfEmpty } from "../prisma/seed.ts";
import { backupDatabase, restoreDatabase } from "../server/db/backup.ts";
import { acquireDataDirLock } from "../server/db/data-dir-lock.ts";
import { openConfiguredDb } from "../server/db/open-configured.ts";
import { readEnv } from "../server/env.ts";

// npm run db:migrate | db:seed | db:reset, npm run backup -- <file>, npm run restore -- <file> [--force],
// against the same database `npm start` uses.
const command = process.argv[2];
const env = readEnv();
const USAGE = `Usage: db.ts migrate|seed|reset
       npm run backup -- <file>             the whole database into one file
       npm run restore -- <file> [--force]  a backup into an empty database (--force: replace what is there)`;

class UsageError extends Error {}

async function backupOrRestore() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(3),
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || (command === "backup" && values.force)) throw new UsageError(USAGE);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (command === "backup") {
    const result = await backupDatabase(env, file);
    const database =
      result.kind === "postgres" ? "PostgreSQL (pg_dump)" : `den inbäddade databasen i ${env.pgliteDir}`;
    console.log(
      `Säkerhetskopian av ${database} är skriven: ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, ${seconds()} s).`,
    );
    return;
  }
  const result = await restoreDatabase(env, file, { force: values.force });
  console.log(
    `Återställd från ${file}${result.replaced ? ", det som fanns ersattes" : ""}: ${result.workspaces} arbetsytor, ` +
      `${result.incidents} händelser (${seconds()} s). Nästa start kör de migreringar som säkerhetskopian saknar.`,
  );
}

async function main() {
  if (command === "backup" || command === "restore") return backupOrRestore();
  if (!["migrate", "seed", "reset"].includes(command ?? "")) throw new UsageError(USAGE);
  const options = { role: "database" as const, command: `npm run db:${command}` };
  if (command === "reset") {
    if (env.DATABASE_URL) {
      const handle = await openConfiguredDb(env, options);
      await handle.driver.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      await handle.close();
    } else {
      // The folder is emptied only while this process holds it: never under a running app.
      const lock = acquireDataDirLock(env.DATA_DIR, options);
      fs.rmSync(env.pgliteDir, { recursive: true, force: true });
      lock.release();
    }
    console.log("Databasen är tömd.");
  }
  const handle = await openConfiguredDb(env, { ...options, migrate: true });
  console.log("Migreringarna är körda.");
  if (command !== "migrate") {
    const seeded = await seedIfEmpty(handle.db, { password: env.DEMO_PASSWORD });
    console.log(
      seeded
        ? `Demodata skapad: ${seeded.incidentCount} händelser.`
        : "Databasen har redan en arbetsyta; inget seedat.",
    );
  }
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
