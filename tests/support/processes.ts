import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { quoteIdentifier } from "../../server/db/adapter.ts";

/** The app's own commands run as processes, as an operator or a cron job would run them. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

export type Run = { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
export type Target = { DATA_DIR: string } | { DATABASE_URL: string };

/** The environment of a command against one database: nothing inherited that points elsewhere. */
export function commandEnv(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    SKIP_CLIENT_BUILD: "1",
    NODE_ENV: "production",
    DEMO_LOGINS: "hide",
    ...target,
    ...extra,
  };
  for (const name of ["DATABASE_URL", "DATA_DIR", "EST_IMPORT_TOKEN"] as const)
    if (!(name in target) && !(name in extra)) delete env[name];
  return env;
}

export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv, wrapper: string[] = []) {
  const command = [
    ...wrapper,
    process.execPath,
    "--import",
    "tsx",
    path.join(ROOT, "scripts", script),
    ...args,
  ];
  const child = spawn(command[0] ?? process.execPath, command.slice(1), { cwd: ROOT, env });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (output.stdout += chunk));
  child.stderr.on("data", (chunk) => (output.stderr += chunk));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, ...output })),
  );
  return { child, output, done };
}

export const runScript = (script: string, args: string[], env: NodeJS.ProcessEnv, wrapper: string[] = []) =>
  startScript(script, args, env, wrapper).done;

export type RunningApp = { child: ChildProcess; url: string; output: { stdout: string; stderr: string } };

/** `npm start` (without the client build) until it says where it listens. */
export async function startApp(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<RunningApp> {
  const app = startScript("start.ts", [], env);
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const match = /är igång: http:\/\/localhost:(\d+)/.exec(app.output.stdout);
    if (match) return { child: app.child, url: `http://127.0.0.1:${match[1]}`, output: app.output };
    if (app.child.exitCode !== null || app.child.signalCode !== null)
      throw new Error(`The app stopped: ${app.output.stderr}${app.output.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  app.child.kill("SIGKILL");
  throw new Error(`The app did not start within ${timeoutMs / 1000} s: ${app.output.stderr}`);
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** A session cookie for a user, through the app's real login. */
export async function loginOver(url: string, email: string, password: string) {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

export async function trpcOver<T>(
  url: string,
  procedure: string,
  input: unknown,
  options: { cookie: string; workspace: string; method?: "GET" | "POST" },
): Promise<{ status: number; data?: T; error?: unknown }> {
  const headers = {
    cookie: options.cookie,
    "x-est-workspace": options.workspace,
    "content-type": "application/json",
  };
  const response =
    (options.method ?? "GET") === "GET"
      ? await fetch(
          `${url}/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        )
      : await fetch(`${url}/trpc/${procedure}`, { method: "POST", headers, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  return { status: response.status, data: body.result?.data, error: body.error };
}

/** A new, empty database on TEST_DATABASE_URL's server (the tests' PostgreSQL), dropped by drop(). */
export async function createPgDatabase(prefix: string) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      "The PostgreSQL variant needs TEST_DATABASE_URL (a server the tests may create databases on)",
    );
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    /** Empties it as a lost server would be: the database dropped and made anew. */
    async recreate() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE ${quoteIdentifier(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      await client.end();
    },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Every table of the app's schema with its row count and a checksum of all its rows, so two
 * databases can be compared whole (staging tables of interrupted imports aside).
 */
export async function tableFingerprint(query: <Row>(sql: string) => Promise<Row[]>) {
  const tables = await query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()
       AND tablename NOT LIKE 'import\\_stage\\_%' ORDER BY tablename`,
  );
  const fingerprint: Record<string, { rows: number; md5: string | null }> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; md5: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM ${quoteIdentifier(name)} t`,
    );
    fingerprint[name] = row ?? { rows: 0, md5: null };
  }
  return fingerprint;
}
