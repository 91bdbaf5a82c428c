import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG, DEMO_USERS } from "../prisma/factories/demo-workspace.factory.ts";
import { seedIfEmpty } from "../prisma/seed.ts";
import { configureAnswerCache } from "../server/answer-cache.ts";
import { createApp } from "../server/app.ts";
import { DataDirBusyError } from "../server/db/data-dir-lock.ts";
import { openConfiguredDb } from "../server/db/open-configured.ts";
import { readEnv } from "../server/env.ts";
import { purgeExpiredAuditEntries } from "../server/features/audit/audit.service.ts";
import { deleteExpiredSessions } from "../server/features/auth/session.service.ts";
import { purgeExpiredNotes } from "../server/features/dialogues/dialogues.service.ts";
import { sendNotificationDigests, smtpSender } from "../server/features/notifications/digest.service.ts";
import { oidcOptionsFromEnv } from "../server/features/sso/oidc-client.ts";
import { createLogger } from "../server/logger.ts";

const root = path.resolve(import.meta.dirname, "..");
const clientDir = path.join(root, "dist", "client");

function newestChange(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return newest;
}

/** Builds the client when it is missing or older than its sources. */
function buildIfNeeded() {
  const index = path.join(clientDir, "index.html");
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (builtAt > newestChange(["client", "shared"])) return;
  console.log("Bygger klienten (vite build)…");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error("vite build failed");
}

async function main() {
  const env = readEnv({ NODE_ENV: "production", ...process.env });
  // Requests and events as JSON lines; the first-run messages below stay plain text for people.
  const logger = createLogger({ level: env.LOG_LEVEL });
  const startedAt = Date.now();
  if (!process.env.SKIP_CLIENT_BUILD) buildIfNeeded();
  configureAnswerCache({ maxMegabytes: env.ANSWER_CACHE_MB });
  const handle = await openConfiguredDb(env, { role: "app", command: "npm start", migrate: true });
  // A real installation starts empty (SEED_DEMO=0) and gets its first workspace from `npm run admin`:
  // the demo's users have a published password and its admin is a system administrator.
  const seeded = env.SEED_DEMO === "1" ? await seedIfEmpty(handle.db, { password: env.DEMO_PASSWORD }) : null;
  if (seeded) {
    console.log(`Demoarbetsytan "EST Borlänge" skapades med ${seeded.incidentCount} syntetiska händelser.`);
    if (!env.DEMO_PASSWORD && !["127.0.0.1", "localhost", "::1"].includes(env.HOST))
      console.warn(
        `Varning: demoanvändarna har det publicerade lösenordet och appen lyssnar på ${env.HOST}. För en riktig installation: SEED_DEMO=0 (se README, Production). / Warning: the demo users have the published password; set SEED_DEMO=0 for a real installation.`,
      );
  }
  await deleteExpiredSessions({ db: handle.db });
  // Notes and audit entries past their workspace's retention are purged now and every six hours.
  const purge = () =>
    Promise.all([
      purgeExpiredNotes(handle.db).then(
        (count) => count > 0 && logger.info({ dialogues: count }, "purged dialogue notes past retention"),
        (error: unknown) => logger.error({ error: (error as Error).name }, "purging dialogue notes failed"),
      ),
      purgeExpiredAuditEntries(handle.db, { unscopedDays: env.AUDIT_UNSCOPED_RETENTION_DAYS }).then(
        (count) => count > 0 && logger.info({ entries: count }, "purged audit entries past retention"),
        (error: unknown) => logger.error({ error: (error as Error).name }, "purging audit entries failed"),
      ),
    ]);
  await purge();
  setInterval(purge, 6 * 3_600_000).unref();
  // Notification e-mails, only with a mail server (docs/decisions/025): counts and a link, every 15 minutes.
  if (env.SMTP_URL && env.PUBLIC_URL) {
    const send = smtpSender(env.SMTP_URL, env.MAIL_FROM);
    const appUrl = env.PUBLIC_URL;
    const mail = () =>
      sendNotificationDigests({ db: handle.db, send, appUrl }).then(
        ({ sent, failed }) =>
          (sent > 0 || failed > 0) && logger.info({ sent, failed }, "notification e-mails"),
        (error: unknown) => logger.error({ error: (error as Error).name }, "notification e-mails failed"),
      );
    setInterval(mail, 15 * 60_000).unref();
  }
  const server = createApp({
    db: handle.db,
    cookies: { secure: env.COOKIE_SECURE },
    config: { mapStyleUrl: env.MAP_STYLE_URL ?? null },
    clientDir,
    chromiumPath: env.CHROMIUM_PATH,
    trustProxy: env.TRUST_PROXY,
    sessionDays: env.SESSION_DAYS,
    basemapPmtiles: env.basemapPmtiles,
    oidc: oidcOptionsFromEnv(env),
    logger,
  });
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    // The import command finds the app here and hands its files over instead of opening the folder.
    const host = ["0.0.0.0", "::"].includes(env.HOST) ? "127.0.0.1" : env.HOST;
    handle.lock?.update({ url: `http://${host.includes(":") ? `[${host}]` : host}:${port}` });
    const database = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite i ${env.pgliteDir}`;
    console.log(
      `\nEST Lägesbild är igång: http://localhost:${port}  (databas: ${database}, start ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    );
    if (seeded || process.env.DEMO_LOGINS !== "hide") {
      console.log(
        `\nDemoinloggningar för arbetsytan ${DEMO_SLUG} (lösenord: ${env.DEMO_PASSWORD ?? DEMO_DEFAULT_PASSWORD}):`,
      );
      for (const user of DEMO_USERS)
        console.log(`  ${user.role.padEnd(8)} ${user.email}  (${user.organization})`);
    }
  });
  const shutdown = () => {
    server.close();
    void handle.close().then(() => logger.flush(() => process.exit(0)));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof DataDirBusyError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
