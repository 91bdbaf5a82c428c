import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDb } from "../../server/db/client.ts";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG, seedDemoWorkspace } from "../../prisma/factories/demo-workspace.factory.ts";

// Stateless servers (docs/decisions/003, 022): two app processes, as `npm start` runs them, on one
// PostgreSQL database serve the same sessions, and an answer one of them cached is not served
// after a write through the other. PostgreSQL only (the embedded database is one process's).

const root = path.resolve(import.meta.dirname, "../..");
const adminUrl = process.env.TEST_DATABASE_URL;
const END = "2026-11-15";
const FILTER = { period: { kind: "biweek", date: "2026-11-03" }, today: END };
const databaseName = `est_two_servers_${process.pid}_${Date.now()}`;
const servers: ChildProcess[] = [];
let databaseUrl = "";
let serverA = "";
let serverB = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function startServer(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      SKIP_CLIENT_BUILD: "1",
      LOG_LEVEL: "silent",
      DEMO_LOGINS: "hide",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  servers.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`server stopped (${child.exitCode}): ${stderr}`);
    const isUp = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) return base;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not start: ${stderr}`);
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_DEFAULT_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("est_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] ?? "";
}

async function call(base: string, procedure: string, cookie: string, input?: unknown) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${base}/trpc/${procedure}${query}`, {
    headers: { cookie, "x-est-workspace": DEMO_SLUG },
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { data: { appCode: string } };
  };
  return { status: response.status, data: body.result?.data, appCode: body.error?.data.appCode };
}

/** A mutation as the browser's batch link sends it (a batch of one; a void input is left out). */
async function mutate(base: string, procedure: string, cookie: string, input?: unknown) {
  const response = await fetch(`${base}/trpc/${procedure}?batch=1`, {
    method: "POST",
    headers: { cookie, "x-est-workspace": DEMO_SLUG, "Content-Type": "application/json" },
    body: JSON.stringify(input === undefined ? {} : { 0: input }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

type Stats = { rows: { areaId: string; name: string; count: number }[]; total: { count: number } };

beforeAll(async () => {
  if (!adminUrl)
    throw new Error("two-servers.test.ts needs TEST_DATABASE_URL (a PostgreSQL it may create a database in)");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  // Migrated and seeded once here; both servers then find the demo and leave it as it is.
  const handle = await connectDb({ databaseUrl }, { migrate: true });
  await seedDemoWorkspace(handle.db, { endDate: END, meetings: false });
  await handle.close();
  serverA = await startServer();
  serverB = await startServer();
}, 240_000);

afterAll(async () => {
  await Promise.all(
    servers.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(null);
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    ),
  );
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
}, 60_000);

describe("two server processes on one PostgreSQL", () => {
  it("are two processes, not one", () => {
    expect(serverA).not.toBe(serverB);
    expect(servers.map((child) => child.pid)).toHaveLength(2);
    expect(new Set(servers.map((child) => child.pid)).size).toBe(2);
  });

  it("accept a session signed in on A at B, and refuse it at A once B signs it out", async () => {
    const cookie = await signIn(serverA, "analytiker@borlange.example");
    const me = await call(serverB, "auth.me", cookie);
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ user: { email: "analytiker@borlange.example" } });
    expect((await call(serverB, "overview.districtStats", cookie, FILTER)).status).toBe(200);
    expect((await call(serverA, "overview.districtStats", cookie, FILTER)).status).toBe(200);

    expect((await mutate(serverB, "auth.logout", cookie)).status).toBe(200);
    const refused = await call(serverA, "auth.me", cookie);
    expect(refused.status).toBe(401);
    expect(refused.appCode).toBe("UNAUTHENTICATED");
    expect((await call(serverA, "overview.districtStats", cookie, FILTER)).status).toBe(401);
  });

  it("show a write made through A at B at once, though B had the earlier answer cached", async () => {
    const admin = await signIn(serverA, "admin@borlange.example");
    const before = (await call(serverB, "overview.districtStats", admin, FILTER)).data as Stats;
    // Asked twice on B: the second comes from B's cache.
    expect((await call(serverB, "overview.districtStats", admin, FILTER)).data).toEqual(before);
    const area = before.rows[0];
    if (!area) throw new Error("no district");
    // B answers from its cache while the data version stands still: a change made with the
    // version's trigger switched off is not seen, which shows the version alone keeps B fresh.
    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    await sql.query(`BEGIN;
      ALTER TABLE areas DISABLE TRIGGER areas_data_version_update;
      UPDATE areas SET name = 'utan version' WHERE id = '${area.areaId}';
      ALTER TABLE areas ENABLE TRIGGER areas_data_version_update;
      COMMIT`);
    await sql.end();
    const cachedOnB = (await call(serverB, "overview.districtStats", admin, FILTER)).data as Stats;
    expect(cachedOnB.rows.find((row) => row.areaId === area.areaId)?.name).toBe(area.name);
    const renamed = `${area.name} (omdöpt på A)`;
    const write = await mutate(serverA, "areas.rename", admin, { areaId: area.areaId, name: renamed });
    expect(write.status).toBe(200);

    const afterOnB = (await call(serverB, "overview.districtStats", admin, FILTER)).data as Stats;
    expect(afterOnB.rows.find((row) => row.areaId === area.areaId)?.name).toBe(renamed);
    const afterOnA = (await call(serverA, "overview.districtStats", admin, FILTER)).data as Stats;
    expect(afterOnA).toEqual(afterOnB);
    // Only the name changed: the figures are the same on both.
    expect(afterOnB.total.count).toBe(before.total.count);
  });
});
