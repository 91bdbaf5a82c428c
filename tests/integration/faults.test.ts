import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConfiguredDb } from "../../server/db/open-configured.ts";
import { readEnv } from "../../server/env.ts";
import { FAULT_DELIVERY_NAME, writeFaultAreas, writeFaultDelivery } from "../support/fault-data.ts";
import {
  commandEnv,
  createPgDatabase,
  loginOver,
  type RunningApp,
  runScript,
  startApp,
  stopProcess,
  type Target,
  trpcOver,
} from "../support/processes.ts";

// Faults on real processes: the app killed during an import, PostgreSQL restarted under the
// running app, and a data folder the embedded database cannot use. integration runs the embedded
// database's variants, integration-pg PostgreSQL's (its own server for the restart).
const isPostgres = process.env.EST_TEST_DB === "postgres";
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "est-faults-"));
const SLUG = "est-fel";
const ADMIN = "admin@fel.example";
const PASSWORD = "ett långt lösenord för feltester";
const DELIVERY_ROWS = 200_000;
const passwordFile = path.join(workDir, "password");
fs.writeFileSync(passwordFile, PASSWORD);
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** A workspace with an admin and the synthetic areas, made by the real commands (no demo). */
async function prepareWorkspace(env: NodeJS.ProcessEnv) {
  const created = await runScript(
    "admin.ts",
    [
      "create-workspace",
      ...["--slug", SLUG, "--name", "EST Fel", "--admin-email", ADMIN, "--admin-name", "Anna Admin"],
      ...["--password-file", passwordFile],
    ],
    env,
  );
  expect(created.stderr).toBe("");
  expect(created.status).toBe(0);
  const areas = path.join(workDir, "areas.geojson");
  writeFaultAreas(areas);
  const imported = await runScript(
    "import.ts",
    [
      ...["areas", "--workspace", SLUG, "--file", areas, "--kind", "deso", "--code", "desokod"],
      ...["--parent-code", "Kommunkod", "--parent-name", "Kommunnamn"],
    ],
    env,
  );
  expect(imported.stderr).toBe("");
  expect(imported.status).toBe(0);
}

async function importToken(app: RunningApp) {
  const cookie = await loginOver(app.url, ADMIN, PASSWORD);
  const created = await trpcOver<{ token: string }>(
    app.url,
    "workspace.createApiToken",
    { name: "feltest" },
    { cookie, workspace: SLUG, method: "POST" },
  );
  if (!created.data) throw new Error(`no token: ${JSON.stringify(created.error)}`);
  return created.data.token;
}

/** The file handed to the app's import route, as `npm run import` does while the app runs. */
function postImport(app: RunningApp, token: string, file: string) {
  return fetch(`${app.url}/api/imports/police-delivery`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "x-est-workspace": SLUG,
      "x-est-file-name": encodeURIComponent(path.basename(file)),
      "Content-Type": "application/octet-stream",
    },
    body: fs.readFileSync(file),
  });
}

type ImportState = {
  batches: { status: string; count: number }[];
  incidents: number;
  crimes: number;
  dailyRows: number;
  replaced: number;
  importAudits: number;
  stagingTables: number;
};

const STATE_SQL = {
  batches: `SELECT status::text, count(*)::int AS count FROM import_batches WHERE file_name = '${FAULT_DELIVERY_NAME}' GROUP BY 1 ORDER BY 1`,
  totals: `SELECT (SELECT count(*) FROM incidents)::int AS incidents,
      (SELECT coalesce(sum(count), 0) FROM incidents)::int AS crimes,
      (SELECT count(*) FROM daily_incident_counts)::int AS "dailyRows",
      (SELECT count(*) FROM replaced_incidents)::int AS replaced,
      (SELECT count(*) FROM audit_log WHERE action = 'import_completed' AND details->>'kind' = 'police_delivery')::int AS "importAudits",
      (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'import\\_stage\\_%')::int AS "stagingTables"`,
};

describe(`the app killed during an import (${isPostgres ? "PostgreSQL" : "embedded database"})`, () => {
  let pgDatabase: Awaited<ReturnType<typeof createPgDatabase>> | null = null;
  let target: Target;
  let app: RunningApp | null = null;
  let delivery: string;
  const openLog: string[] = [];

  /** The database's state, read straight from it (PGlite: in this process, once the app is gone). */
  async function importState(): Promise<ImportState> {
    if ("DATABASE_URL" in target) {
      const client = new pg.Client({ connectionString: target.DATABASE_URL });
      await client.connect();
      try {
        const batches = (await client.query(STATE_SQL.batches)).rows;
        const [totals] = (await client.query(STATE_SQL.totals)).rows;
        return { batches, ...totals };
      } finally {
        await client.end();
      }
    }
    const handle = await openConfiguredDb(readEnv({ DATA_DIR: target.DATA_DIR }), {
      role: "database",
      command: "faults test",
      log: (line) => openLog.push(line),
    });
    try {
      const batches = await handle.driver.query<ImportState["batches"][number]>(STATE_SQL.batches);
      const [totals] = await handle.driver.query<Omit<ImportState, "batches">>(STATE_SQL.totals);
      return { batches, ...(totals as Omit<ImportState, "batches">) };
    } finally {
      await handle.close();
    }
  }

  /** True once the import's transaction is writing incidents (seen from outside the app). */
  function publishingStarted(): () => Promise<boolean> {
    if ("DATABASE_URL" in target) {
      const url = target.DATABASE_URL;
      return async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          // Row locks on incidents are taken by the import's transaction alone (the staging COPY
          // writes its own table, outside any transaction).
          const result = await client.query(
            `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE c.relname = 'incidents' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()`,
          );
          return (result.rowCount ?? 0) > 0;
        } finally {
          await client.end();
        }
      };
    }
    // The embedded database cannot be looked into while the app holds it; its write-ahead log can.
    // Staging is unlogged, so two new 16 MB log segments mean the transaction is writing incidents.
    const walDir = path.join(target.DATA_DIR, "pglite", "pg_wal");
    const segments = () => fs.readdirSync(walDir).filter((name) => /^[0-9A-F]{24}$/.test(name));
    const highest = () => segments().sort().at(-1) ?? "";
    const atStart = Number.parseInt(highest().slice(16), 16);
    return async () => Number.parseInt(highest().slice(16), 16) >= atStart + 2;
  }

  beforeAll(async () => {
    if (isPostgres) {
      pgDatabase = await createPgDatabase("est_faults");
      target = { DATABASE_URL: pgDatabase.url };
    } else target = { DATA_DIR: path.join(workDir, "data") };
    delivery = writeFaultDelivery(workDir, DELIVERY_ROWS);
    await prepareWorkspace(commandEnv(target));
  }, 180_000);

  afterAll(async () => {
    if (app) await stopProcess(app.child, "SIGKILL");
    await pgDatabase?.drop();
  });

  it("leaves no part of the batch when killed while publishing", async () => {
    app = await startApp(commandEnv(target));
    const token = await importToken(app);
    const isPublishing = publishingStarted();
    const answer = postImport(app, token, delivery).then(
      (response) => ({ status: response.status }),
      (error: unknown) => ({ error: String(error) }),
    );
    const started = Date.now();
    while (!(await isPublishing())) {
      if (Date.now() - started > 120_000) throw new Error("The import did not start publishing within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const killedAfter = Date.now() - started;
    await stopProcess(app.child, "SIGKILL");
    app = null;
    // The app died before answering: the import had not finished.
    expect(await answer).toEqual({ error: expect.stringContaining("fetch failed") });
    const state = await importState();
    expect(state).toMatchObject({
      batches: [],
      incidents: 0,
      crimes: 0,
      dailyRows: 0,
      replaced: 0,
      importAudits: 0,
    });
    if (!isPostgres) {
      // The folder's next holder finds the killed app's lock and its staging table, and clears both.
      expect(openLog.join("\n")).toContain("stängdes inte ordentligt");
      expect(openLog.join("\n")).toContain("mellanlagringstabell");
      expect(state.stagingTables).toBe(0);
    }
    console.info(`killed ${killedAfter} ms after the upload began`);
  }, 420_000);

  it("imports the same file in full when it is sent again", async () => {
    app = await startApp(commandEnv(target));
    const token = await importToken(app);
    const response = await postImport(app, token, delivery);
    const body = (await response.json()) as { message?: string; error?: string };
    expect(body.error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(body.message).toContain(`${DELIVERY_ROWS} rader`);
    await stopProcess(app.child, "SIGTERM");
    app = null;
    const state = await importState();
    expect(state.batches).toEqual([{ status: "completed", count: 1 }]);
    expect(state).toMatchObject({
      incidents: DELIVERY_ROWS,
      crimes: DELIVERY_ROWS,
      replaced: 0,
      importAudits: 1,
    });
    expect(state.dailyRows).toBeGreaterThan(1000);
  }, 420_000);
});

/** A port nothing listens on now. */
async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== "object") throw new Error("no port");
  return address.port;
}

describe.runIf(isPostgres)("PostgreSQL restarted under the running app", () => {
  const clusterDir = path.join(workDir, "cluster");
  const isRoot = process.getuid?.() === 0;
  let pgCtl: (...args: string[]) => string;
  let app: RunningApp | null = null;
  let cookie: string;

  beforeAll(async () => {
    // Debian's PostgreSQL server, as .ci/start-postgres.sh uses it; a throwaway cluster of our own.
    const versions = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql") : [];
    const version = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
    const bin = version ? `/usr/lib/postgresql/${version}/bin` : null;
    if (!bin || !fs.existsSync(path.join(bin, "pg_ctl")))
      throw new Error(
        "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)",
      );
    fs.mkdirSync(clusterDir, { recursive: true });
    if (isRoot) {
      fs.chmodSync(workDir, 0o755);
      execFileSync("chown", ["postgres:postgres", clusterDir]);
    }
    const asOwner = (command: string, args: string[]) =>
      isRoot
        ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
        : execFileSync(command, args, { encoding: "utf8" });
    asOwner(path.join(bin, "initdb"), [
      "-D",
      clusterDir,
      "-A",
      "trust",
      "-U",
      "postgres",
      "--no-sync",
      "-E",
      "UTF8",
    ]);
    const port = await freePort();
    const options = `-p ${port} -k ${clusterDir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    pgCtl = (...args: string[]) =>
      asOwner(path.join(bin, "pg_ctl"), [
        "-D",
        clusterDir,
        "-o",
        options,
        "-l",
        path.join(clusterDir, "log"),
        "-w",
        ...args,
      ]);
    pgCtl("start");
    const target = { DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres` };
    await prepareWorkspace(commandEnv(target));
    app = await startApp(commandEnv(target));
    cookie = await loginOver(app.url, ADMIN, PASSWORD);
  }, 180_000);

  afterAll(async () => {
    if (app) await stopProcess(app.child, "SIGTERM");
    try {
      pgCtl?.("stop", "-m", "immediate");
    } catch {
      // Already stopped.
    }
  });

  const members = () =>
    trpcOver<unknown[]>(app?.url ?? "", "workspace.members", undefined, { cookie, workspace: SLUG });
  const health = async () => (await fetch(`${app?.url}/healthz`)).status;

  it("answers again after a restart, without being restarted itself", async () => {
    // Several requests at once, so the pool holds several connections that the restart cuts.
    const before = await Promise.all([members(), members(), members(), members()]);
    expect(before.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    pgCtl("restart", "-m", "fast");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await members();
      statuses.push(answer.status);
      if (answer.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // At most one failed request (a clear 503), and the next one succeeds.
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.slice(0, -1).every((status) => status === 503)).toBe(true);
    expect(statuses.length).toBeLessThanOrEqual(2);
    expect(await health()).toBe(200);
    expect(app?.child.exitCode).toBeNull();
    expect(app?.output.stderr).toContain("PostgreSQL stängde en vilande anslutning");
  }, 60_000);

  it("says it is unavailable while PostgreSQL is down, and recovers when it is back", async () => {
    pgCtl("stop", "-m", "fast");
    expect(await health()).toBe(503);
    // A request while it is away: 503 with a message the client shows, not an internal error.
    const during = await members();
    expect(during.status).toBe(503);
    expect(during.error).toMatchObject({
      message: "The database is not answering right now. Try again in a moment.",
      data: { appCode: "UNAVAILABLE" },
    });
    expect(app?.child.exitCode).toBeNull();
    pgCtl("start");
    expect(await health()).toBe(200);
    expect((await members()).status).toBe(200);
    expect(app?.child.exitCode).toBeNull();
  }, 60_000);
});

describe.runIf(!isPostgres)("a data folder the embedded database cannot use", () => {
  const isRoot = process.getuid?.() === 0;
  const mounts: string[] = [];
  let canMount = false;

  beforeAll(() => {
    if (!isRoot) return;
    const probe = fs.mkdtempSync(path.join(workDir, "probe-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], { stdio: "ignore" });
      execFileSync("umount", [probe]);
      canMount = true;
    } catch {
      canMount = false;
    }
  });

  afterAll(() => {
    for (const mount of mounts.reverse()) {
      try {
        execFileSync("umount", ["-l", mount]);
      } catch {
        // Already gone.
      }
    }
  });

  /** A small file system of its own (tmpfs), so a full disk and a read-only one are real. */
  function tmpfs(name: string, size: string) {
    const dir = path.join(workDir, name);
    fs.mkdirSync(dir, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
    mounts.push(dir);
    return dir;
  }

  async function startFails(dataDir: string, wrapper: string[] = []) {
    const result = await runScript("start.ts", [], commandEnv({ DATA_DIR: dataDir }), wrapper);
    expect(result.status).toBe(1);
    return result.stderr;
  }

  it("names a data folder that is a file", async () => {
    const file = path.join(workDir, "not-a-folder");
    fs.writeFileSync(file, "");
    const stderr = await startFails(file);
    expect(stderr).toContain(`Datamappen ${file} är inte en mapp`);
    expect(stderr).toContain("Ange en mapp i DATA_DIR");
    expect(stderr).toContain(`The data folder ${file} is not a folder`);
  }, 60_000);

  it("names a data folder the app's user may not write to", async () => {
    const parent = path.join(workDir, "locked");
    fs.mkdirSync(parent, { mode: 0o755 });
    const dataDir = path.join(parent, "data");
    // Root writes everywhere: the app runs as nobody instead, as a service user would.
    if (isRoot) fs.chmodSync(workDir, 0o755);
    else fs.chmodSync(parent, 0o555);
    const stderr = await startFails(dataDir, isRoot ? ["runuser", "-u", "nobody", "--"] : []);
    expect(stderr).toContain(`Användaren som kör appen får inte skriva i datamappen ${dataDir}`);
    expect(stderr).toContain("chown");
    expect(stderr).toContain(`may not write to the data folder ${dataDir}`);
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);

  // Mounting needs root. In CI (CI=true) they are required: a non-root runner fails them.
  const canRun = isRoot || process.env.CI === "true";
  it.runIf(canRun)(
    "names a data folder on a read-only file system",
    async () => {
      if (!canMount) throw new Error("mount is not permitted here (these tests need root and mount)");
      const dataDir = tmpfs("readonly", "200m");
      const migrated = await runScript("db.ts", ["migrate"], commandEnv({ DATA_DIR: dataDir }));
      expect(migrated.status).toBe(0);
      execFileSync("mount", ["-o", "remount,ro", dataDir]);
      const stderr = await startFails(dataDir);
      expect(stderr).toContain(`Datamappen ${dataDir} är skrivskyddad`);
      expect(stderr).toContain(`The data folder ${dataDir} is read-only`);
    },
    120_000,
  );

  it.runIf(canRun)(
    "names a full data folder, and leaves no lock behind",
    async () => {
      if (!canMount) throw new Error("mount is not permitted here (these tests need root and mount)");
      // Room for the lock, not for a new database.
      const dataDir = tmpfs("full", "8m");
      const stderr = await startFails(dataDir);
      expect(stderr).toContain(`Disken där datamappen ${dataDir} ligger är full`);
      expect(stderr).toContain("df -h");
      expect(stderr).toContain(`The disk holding the data folder ${dataDir} is full`);
      expect(fs.existsSync(path.join(dataDir, "est.lock"))).toBe(false);
    },
    120_000,
  );
});
