import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG } from "../../prisma/factories/demo-workspace.factory.ts";
import { connectDb, type DbHandle } from "../../server/db/client.ts";
import { openConfiguredDb } from "../../server/db/open-configured.ts";
import { readEnv } from "../../server/env.ts";
import { loginAs } from "../support/caller.ts";
import {
  commandEnv,
  createPgDatabase,
  runScript,
  type Target,
  tableFingerprint,
} from "../support/processes.ts";

// Backup, wipe, restore: the real commands as processes (npm run backup / restore are db.ts) on the
// database this project runs (integration: the embedded one in a real data folder; integration-pg:
// a fresh PostgreSQL database on TEST_DATABASE_URL's server), compared by the app's own exports,
// a few procedures' answers and every table's rows.
const isPostgres = process.env.EST_TEST_DB === "postgres";
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "est-backup-"));
const backupFile = path.join(workDir, isPostgres ? "est.dump" : "est.tar.gz");
const dataDir = path.join(workDir, "data");

let pgDatabase: Awaited<ReturnType<typeof createPgDatabase>> | null = null;
let target: Target;

/** Opens the database in this process as the app would (on PGlite taking the folder's lock). */
async function openTarget(): Promise<DbHandle> {
  if ("DATABASE_URL" in target) return connectDb({ databaseUrl: target.DATABASE_URL });
  return openConfiguredDb(readEnv({ DATA_DIR: dataDir }), { role: "database", command: "backup test" });
}

async function xlsxCells(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
  // The "Urval" sheet holds the time of the export; the table is what must match.
  const sheet = workbook.getWorksheet("Tabell");
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** What users would see: exports (CSV, XLSX) and a few pages' answers, as analyst and admin. */
async function appAnswers(handle: DbHandle) {
  const analyst = (await loginAs(handle.db, "analytiker@borlange.example", DEMO_DEFAULT_PASSWORD, DEMO_SLUG))
    .caller;
  const admin = (await loginAs(handle.db, "admin@borlange.example", DEMO_DEFAULT_PASSWORD, DEMO_SLUG)).caller;
  const filter = { period: { kind: "month" as const, date: "2025-10-15" }, today: "2026-01-10" };
  const compstat = await analyst.exports.table({ ...filter, view: "compstat", format: "csv" });
  const districts = await analyst.exports.table({ ...filter, view: "districts", format: "xlsx" });
  return {
    compstatCsv: Buffer.from(compstat.base64, "base64").toString("utf8"),
    districtsXlsx: await xlsxCells(districts.base64),
    districtStats: await analyst.overview.districtStats(filter),
    lagesbilder: await analyst.lagesbild.list(),
    actionPlan: await analyst.lagesbild.actionPlan(),
    walks: await analyst.walks.list(),
    members: await admin.workspace.members(),
  };
}

async function fingerprintOf(handle: DbHandle) {
  return tableFingerprint(async <Row>(sql: string) => handle.driver.query<Row>(sql));
}

const env = () => commandEnv(target);

describe(`backup and restore (${isPostgres ? "PostgreSQL, pg_dump" : "embedded database, its own dump"})`, () => {
  let answers: Awaited<ReturnType<typeof appAnswers>>;
  let fingerprint: Awaited<ReturnType<typeof fingerprintOf>>;

  beforeAll(async () => {
    if (isPostgres) {
      pgDatabase = await createPgDatabase("est_backup");
      target = { DATABASE_URL: pgDatabase.url };
    } else target = { DATA_DIR: dataDir };
    const seeded = await runScript("db.ts", ["seed"], env());
    expect(seeded.stderr).toBe("");
    expect(seeded.stdout).toContain("Demodata skapad");
    const handle = await openTarget();
    try {
      answers = await appAnswers(handle);
      fingerprint = await fingerprintOf(handle);
    } finally {
      await handle.close();
    }
  }, 420_000);

  afterAll(async () => {
    await pgDatabase?.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("has a demo worth comparing", () => {
    expect(answers.compstatCsv.split("\r\n").length).toBeGreaterThan(20);
    // 27 districts, the header and the total row.
    expect(answers.districtsXlsx.length).toBe(29);
    expect(answers.lagesbilder.lagesbilder.length).toBeGreaterThan(10);
    expect(fingerprint.incidents?.rows).toBeGreaterThan(10_000);
    expect(fingerprint.audit_log?.rows).toBeGreaterThan(0);
  });

  it("writes the whole database into one file", async () => {
    const result = await runScript("db.ts", ["backup", backupFile], env());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `Säkerhetskopian av ${isPostgres ? "PostgreSQL" : "den inbäddade databasen"}`,
    );
    expect(fs.statSync(backupFile).size).toBeGreaterThan(100_000);
    // Written beside and renamed: nothing half-written is left next to it.
    expect(fs.readdirSync(workDir).filter((name) => name.includes(".partial"))).toEqual([]);
  }, 120_000);

  it("refuses to restore over a database that has data", async () => {
    const result = await runScript("db.ts", ["restore", backupFile], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("är inte tom");
    expect(result.stderr).toContain("1 arbetsytor");
    expect(result.stderr).toContain("--force");
    expect(result.stderr).toContain("is not empty");
  }, 60_000);

  it("refuses a file that is no backup of this kind of database", async () => {
    const other = path.join(workDir, "other.bin");
    fs.writeFileSync(other, isPostgres ? Buffer.from([0x1f, 0x8b, 8, 0, 0]) : "PGDMP\u0001\u000e");
    const result = await runScript("db.ts", ["restore", other, "--force"], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      isPostgres ? "är en säkerhetskopia av den inbäddade databasen" : "är en säkerhetskopia av PostgreSQL",
    );
  }, 60_000);

  it("restores into a wiped database: the same exports, answers and rows", async () => {
    if (pgDatabase) await pgDatabase.recreate();
    else fs.rmSync(path.join(dataDir, "pglite"), { recursive: true, force: true });
    const result = await runScript("db.ts", ["restore", backupFile], env());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Återställd från .*: 1 arbetsytor, \d+ händelser/);
    const handle = await openTarget();
    try {
      // Rows first: the comparison's own sign-ins and exports are audited and would differ.
      expect(await fingerprintOf(handle)).toEqual(fingerprint);
      expect(await appAnswers(handle)).toEqual(answers);
    } finally {
      await handle.close();
    }
  }, 180_000);

  it("replaces a database that has data with --force", async () => {
    const handle = await openTarget();
    // A change after the backup, which the forced restore must take away.
    await handle.db.workspace.update({ where: { slug: DEMO_SLUG }, data: { name: "Ändrad efter backup" } });
    await handle.close();
    const result = await runScript("db.ts", ["restore", backupFile, "--force"], env());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("det som fanns ersattes");
    const after = await openTarget();
    try {
      expect(await fingerprintOf(after)).toEqual(fingerprint);
      expect((await after.db.workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).name).toBe(
        "EST Borlänge",
      );
    } finally {
      await after.close();
    }
  }, 180_000);
});
