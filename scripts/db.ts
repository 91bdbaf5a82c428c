import fs from "node:fs";
import { seedIfEmpty } from "../prisma/seed.ts";
import { acquireDataDirLock } from "../server/db/data-dir-lock.ts";
import { openConfiguredDb } from "../server/db/open-configured.ts";
import { readEnv } from "../server/env.ts";

// npm run db:migrate | db:seed | db:reset, against the same database `npm start` uses.
const command = process.argv[2];
const env = readEnv();

async function main() {
  if (!["migrate", "seed", "reset"].includes(command ?? ""))
    throw new Error("Usage: db.ts migrate|seed|reset");
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
  process.exit(1);
});
