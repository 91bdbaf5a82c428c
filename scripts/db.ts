import fs from "node:fs";
import { seedIfEmpty } from "../prisma/seed.ts";
import { connectDb } from "../server/db/client.ts";
import { readEnv } from "../server/env.ts";

// npm run db:migrate | db:seed | db:reset, against the same database `npm start` uses.
const command = process.argv[2];
const env = readEnv();
const target = { databaseUrl: env.DATABASE_URL, pgliteDir: env.pgliteDir };

async function main() {
  if (command === "reset") {
    if (env.DATABASE_URL) {
      const handle = await connectDb(target);
      await handle.driver.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      await handle.close();
    } else {
      fs.rmSync(env.pgliteDir, { recursive: true, force: true });
    }
    console.log("Databasen är tömd.");
  }
  if (!["migrate", "seed", "reset"].includes(command ?? ""))
    throw new Error("Usage: db.ts migrate|seed|reset");
  const handle = await connectDb(target, { migrate: true });
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
