import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Env } from "../env.ts";
import { asDataDirError } from "./data-dir-errors.ts";
import { acquireDataDirLock, describeUncleanShutdown } from "./data-dir-lock.ts";
import { openConfiguredDb } from "./open-configured.ts";

/**
 * Backups of either database, as one file (docs/decisions/021):
 * - the embedded database (PGlite): its own dump, the data folder as a gzipped tarball, taken
 *   while this process holds the folder; restored by loading it into a fresh folder that then
 *   replaces the old one;
 * - PostgreSQL: pg_dump's custom format; restored by pg_restore piped into psql in one
 *   transaction, so a restore that fails half-way leaves the database as it was.
 * A file of one kind is refused by the other with a message saying which it is.
 */

export type BackupKind = "pglite" | "postgres";
export type BackupResult = { kind: BackupKind; file: string; bytes: number };
export type RestoreResult = { kind: BackupKind; workspaces: number; incidents: number; replaced: boolean };

/** A backup or restore refused before anything changed: the message says why and what to do. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusedError";
  }
}

const KIND_NAMES: Record<BackupKind, string> = {
  pglite: "den inbäddade databasen (PGlite)",
  postgres: "PostgreSQL (pg_dump)",
};

/** Which database a backup file is of, by its first bytes: gzip (PGlite's tarball) or pg_dump's "PGDMP". */
export function backupKindOf(file: string): BackupKind | null {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return null;
}

/** Written beside the target and renamed over it, so an interrupted backup never looks complete. */
async function writeAtomically(file: string, write: (partial: string) => Promise<void>) {
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target)))
    throw new BackupRefusedError(
      `Mappen ${path.dirname(target)} finns inte; skapa den eller välj en annan fil.`,
    );
  const partial = `${target}.partial-${process.pid}`;
  try {
    await write(partial);
    const fd = fs.openSync(partial, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size };
}

export async function backupDatabase(env: Env, file: string, log: (line: string) => void = console.warn) {
  if (env.DATABASE_URL) {
    const connection = connectionOf(env.DATABASE_URL);
    const written = await writeAtomically(file, (partial) =>
      runTool(env, "pg_dump", [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        // An interrupted import's staging tables hold nothing published: not worth keeping.
        "--exclude-table=import_stage_*",
        "--exclude-table=import_raw_*",
        "--exclude-table=import_windows_*",
        `--file=${partial}`,
        `--dbname=${connection.url}`,
      ]),
    );
    return { kind: "postgres", ...written } satisfies BackupResult;
  }
  if (!fs.existsSync(path.join(env.pgliteDir, "PG_VERSION")))
    throw new BackupRefusedError(
      `Det finns ingen inbäddad databas i ${env.pgliteDir} att säkerhetskopiera (DATA_DIR är ${env.DATA_DIR}).\n` +
        `There is no embedded database in ${env.pgliteDir} to back up (DATA_DIR is ${env.DATA_DIR}).`,
    );
  const handle = await openConfiguredDb(env, { role: "database", command: "npm run backup", log });
  try {
    const dump = handle.driver.dumpDataDir;
    if (!dump) throw new Error("The embedded database's driver cannot dump its folder");
    const tarball = Buffer.from(await (await dump()).arrayBuffer());
    const written = await writeAtomically(file, async (partial) => fs.writeFileSync(partial, tarball));
    return { kind: "pglite", ...written } satisfies BackupResult;
  } finally {
    await handle.close();
  }
}

function refuseOtherKind(file: string, expected: BackupKind) {
  const kind = backupKindOf(file);
  if (kind === expected) return;
  const configured = KIND_NAMES[expected];
  throw new BackupRefusedError(
    kind
      ? `${file} är en säkerhetskopia av ${KIND_NAMES[kind]}, men den konfigurerade databasen är ${configured}. ` +
          `En säkerhetskopia återställs till samma slags databas (${kind === "postgres" ? "sätt DATABASE_URL" : "ta bort DATABASE_URL"} för att välja den).\n` +
          `${file} is a backup of ${kind === "postgres" ? "PostgreSQL" : "the embedded database"}, but the configured database is ${expected === "postgres" ? "PostgreSQL" : "the embedded one"}; ` +
          "a backup is restored into the same kind of database."
      : `${file} är ingen säkerhetskopia från npm run backup (varken PGlite:s eller pg_dumps format).\n` +
          `${file} is not a backup made by npm run backup (neither PGlite's nor pg_dump's format).`,
  );
}

function notEmptyMessage(where: { sv: string; en: string }, tables: number, workspaces: number) {
  return (
    `Databasen ${where.sv} är inte tom (${tables} tabeller, ${workspaces} arbetsytor). En återställning ersätter allt i den. ` +
    "Kör igen med --force för att ersätta innehållet med säkerhetskopian, eller återställ till en tom databas.\n" +
    `The database ${where.en} is not empty (${tables} tables, ${workspaces} workspaces). A restore replaces everything in it. ` +
    "Run again with --force to replace its contents with the backup, or restore into an empty database."
  );
}

export async function restoreDatabase(
  env: Env,
  file: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupRefusedError(`Filen finns inte: ${file}\nNo such file: ${file}`);
  return env.DATABASE_URL
    ? restorePostgres(env, env.DATABASE_URL, file, options.force ?? false)
    : restorePglite(env, file, options.force ?? false, options.log ?? console.warn);
}

type Query = <Row>(sql: string) => Promise<Row[]>;
const queryOf =
  (pglite: PGlite): Query =>
  async <Row>(sql: string) =>
    (await pglite.query<Row>(sql)).rows;

/** Tables in the app's schema and workspaces in them: what a restore would replace. */
async function contentsOf(query: Query) {
  const [row] = await query<{ tables: number; hasWorkspaces: boolean }>(
    `SELECT count(*)::int AS tables, bool_or(tablename = 'workspaces') AS "hasWorkspaces"
     FROM pg_tables WHERE schemaname = current_schema()`,
  );
  const workspaces = row?.hasWorkspaces
    ? ((await query<{ n: number }>("SELECT count(*)::int AS n FROM workspaces"))[0]?.n ?? 0)
    : 0;
  return { tables: row?.tables ?? 0, workspaces };
}

async function countsOf(query: Query) {
  const [row] = await query<{ workspaces: number; incidents: number }>(
    "SELECT (SELECT count(*) FROM workspaces)::int AS workspaces, (SELECT count(*) FROM incidents)::int AS incidents",
  );
  return { workspaces: row?.workspaces ?? 0, incidents: row?.incidents ?? 0 };
}

async function restorePglite(env: Env, file: string, force: boolean, log: (line: string) => void) {
  refuseOtherKind(file, "pglite");
  const lock = acquireDataDirLock(env.DATA_DIR, { role: "database", command: "npm run restore" });
  if (lock.uncleanPrevious) log(describeUncleanShutdown(env.DATA_DIR, lock.uncleanPrevious));
  const incoming = `${env.pgliteDir}.restoring-${process.pid}`;
  const outgoing = `${env.pgliteDir}.replaced-${process.pid}`;
  try {
    const existing = fs.existsSync(env.pgliteDir) ? fs.readdirSync(env.pgliteDir) : [];
    if (existing.length > 0 && !force) {
      const pglite = new PGlite(env.pgliteDir);
      const contents = await pglite.waitReady
        .then(() => contentsOf(queryOf(pglite)))
        // A folder PGlite cannot open is not empty either.
        .catch(() => ({ tables: existing.length, workspaces: 0 }));
      await pglite.close().catch(() => undefined);
      throw new BackupRefusedError(
        notEmptyMessage(
          { sv: `i ${env.pgliteDir}`, en: `in ${env.pgliteDir}` },
          contents.tables,
          contents.workspaces,
        ),
      );
    }
    fs.rmSync(incoming, { recursive: true, force: true });
    let counts: { workspaces: number; incidents: number };
    try {
      const pglite = new PGlite(incoming, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await pglite.waitReady;
        counts = await countsOf(queryOf(pglite));
      } finally {
        await pglite.close().catch(() => undefined);
      }
    } catch (error) {
      fs.rmSync(incoming, { recursive: true, force: true });
      const folderError = asDataDirError(env.DATA_DIR, error);
      if (folderError !== error) throw folderError;
      throw new BackupRefusedError(
        `${file} kunde inte läsas in som den inbäddade databasens säkerhetskopia (${(error as Error).message}); databasen är orörd.\n` +
          `${file} could not be loaded as a backup of the embedded database; the database is unchanged.`,
      );
    }
    // Swapped by renames: the old folder is kept until the new one is in place.
    const hadFolder = fs.existsSync(env.pgliteDir);
    if (hadFolder) fs.renameSync(env.pgliteDir, outgoing);
    try {
      fs.renameSync(incoming, env.pgliteDir);
    } catch (error) {
      if (hadFolder) fs.renameSync(outgoing, env.pgliteDir);
      throw asDataDirError(env.DATA_DIR, error);
    }
    fs.rmSync(outgoing, { recursive: true, force: true });
    return { kind: "pglite", ...counts, replaced: existing.length > 0 } satisfies RestoreResult;
  } finally {
    fs.rmSync(incoming, { recursive: true, force: true });
    lock.release();
  }
}

async function restorePostgres(env: Env, databaseUrl: string, file: string, force: boolean) {
  refuseOtherKind(file, "postgres");
  const connection = connectionOf(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let tables: number;
  try {
    const contents = await contentsOf(async <Row>(sql: string) => (await client.query(sql)).rows as Row[]);
    tables = contents.tables;
    if (tables > 0 && !force)
      throw new BackupRefusedError(
        notEmptyMessage({ sv: connection.display, en: connection.display }, tables, contents.workspaces),
      );
  } finally {
    await client.end();
  }
  // Read whole before anything changes: a damaged file is refused here.
  await runTool(env, "pg_restore", ["--list", "--", path.resolve(file)]).catch((error: unknown) => {
    if (error instanceof BackupRefusedError) throw error;
    throw new BackupRefusedError(
      `${file} kunde inte läsas av pg_restore; databasen är orörd.
${file} could not be read by pg_restore; the database is unchanged.
${(error as Error).message}`,
    );
  });
  // One transaction: the schema is emptied and the backup loaded, or (on any error) nothing changes.
  await runRestorePipe(env, file, connection.url);
  const after = new pg.Client({ connectionString: databaseUrl });
  await after.connect();
  try {
    const counts = await countsOf(async <Row>(sql: string) => (await after.query(sql)).rows as Row[]);
    return { kind: "postgres", ...counts, replaced: tables > 0 } satisfies RestoreResult;
  } finally {
    await after.end();
  }
}

/** A DATABASE_URL for the client tools: the password goes in PGPASSWORD, not on their command line. */
function connectionOf(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return {
    url: url.toString(),
    password,
    display: `${url.hostname}:${url.port || "5432"}${url.pathname}`,
  };
}

function toolPath(env: Env, tool: "pg_dump" | "pg_restore" | "psql") {
  return env.PG_BIN_DIR ? path.join(env.PG_BIN_DIR, tool) : tool;
}

function toolEnv(env: Env) {
  const password = env.DATABASE_URL ? connectionOf(env.DATABASE_URL).password : "";
  return { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
}

function missingTool(env: Env, tool: string) {
  return new BackupRefusedError(
    `${tool} hittades inte${env.PG_BIN_DIR ? ` i ${env.PG_BIN_DIR}` : " på PATH"}. Installera PostgreSQL:s klientverktyg ` +
      "(Debian: apt-get install postgresql-client, i samma huvudversion som servern eller nyare) eller ange deras mapp i PG_BIN_DIR.\n" +
      `${tool} was not found${env.PG_BIN_DIR ? ` in ${env.PG_BIN_DIR}` : " on PATH"}. Install PostgreSQL's client tools ` +
      "(Debian: apt-get install postgresql-client, the server's major version or newer) or set PG_BIN_DIR to their folder.",
  );
}

function runTool(env: Env, tool: "pg_dump" | "pg_restore" | "psql", args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(toolPath(env, tool), args, {
      env: toolEnv(env),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) =>
      reject((error as NodeJS.ErrnoException).code === "ENOENT" ? missingTool(env, tool) : error),
    );
    child.on("close", (status) =>
      status === 0
        ? resolve()
        : reject(new Error(`${tool} misslyckades (status ${status}):\n${stderr.trim()}`)),
    );
  });
}

/** pg_restore's SQL into psql, after emptying the schema, all in psql's single transaction. */
function runRestorePipe(env: Env, file: string, url: string) {
  return new Promise<void>((resolve, reject) => {
    const restore = spawn(toolPath(env, "pg_restore"), ["--no-owner", "--no-privileges", "--file=-", "--", path.resolve(file)], {
      env: toolEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const psql = spawn(
      toolPath(env, "psql"),
      ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", `--dbname=${url}`],
      { env: toolEnv(env), stdio: ["pipe", "ignore", "pipe"] },
    );
    let errors = "";
    let failure: Error | null = null;
    const statuses = new Map<string, number | null>();
    const finish = (tool: string, status: number | null) => {
      statuses.set(tool, status);
      if (statuses.size < 2) return;
      if (failure) return reject(failure);
      if ([...statuses.values()].every((value) => value === 0)) return resolve();
      reject(
        new Error(
          `Återställningen misslyckades; databasen är som före (allt körs i en transaktion).\n` +
            `The restore failed; the database is as it was (all of it runs in one transaction).\n${errors.trim()}`,
        ),
      );
    };
    for (const [tool, child] of [
      ["pg_restore", restore],
      ["psql", psql],
    ] as const) {
      child.stderr.on("data", (chunk) => (errors += chunk));
      child.on("error", (error) => {
        failure ??= (error as NodeJS.ErrnoException).code === "ENOENT" ? missingTool(env, tool) : error;
        if (!statuses.has(tool)) finish(tool, null);
      });
      child.on("close", (status) => {
        if (!statuses.has(tool)) finish(tool, status);
      });
    }
    psql.stdin.on("error", () => undefined);
    psql.stdin.write("DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n");
    // psql's input ends (and its transaction commits) only after pg_restore has succeeded;
    // if pg_restore fails, psql is stopped with its transaction open, which rolls it back.
    restore.stdout.pipe(psql.stdin, { end: false });
    restore.on("close", (status) => {
      if (status === 0) psql.stdin.end();
      else psql.kill("SIGTERM");
    });
  });
}
