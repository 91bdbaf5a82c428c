import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG } from "../prisma/factories/demo-workspace.factory.ts";
import { addDays, toLocalDate } from "../shared/calendar.ts";

// npm run load [-- --duration 60 --connections 200 --only districtStats,compstat --public --no-write --no-cache]
// Starts the app (npm start's own script) on a fresh PostgreSQL database with the demo workspace,
// signs in as the demo's analyst and drives the dashboard's procedures with autocannon, one
// procedure at a time, then the overview page's own batch. --public drives the public
// medborgarlöfte page (its HTML and its data call) instead. Results go to docs/benchmarks.md
// between the load markers (the rest of the file is left as it is).

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "200" },
    only: { type: "string" },
    public: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    "database-url": { type: "string" },
    "keep-database": { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const adminUrl =
  values["database-url"] ??
  process.env.LOAD_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:55432/postgres";
const root = path.resolve(import.meta.dirname, "..");
const BENCHMARKS = path.join(root, "docs", "benchmarks.md");
const TARGET_P99_MS = 250;

type Target = {
  name: string;
  method: "GET";
  path: string;
  headers?: Record<string, string>;
  /** Public targets: each request as a different citizen, or all through one address. */
  addresses?: "many" | "one";
};
type Outcome = {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Every request that did not get a 2xx: non-2xx answers, timeouts and socket errors. */
  errors: number;
  /** What the errors were, when there were any. */
  errorKinds: string;
  /** The machine's 1-minute load average while this target ran (sampled every 5 s). */
  load: { mean: number; max: number };
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `est_load_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startApp(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      // The public page is rate-limited per address: the load comes as many citizens through one proxy.
      TRUST_PROXY: values.public ? "1" : "0",
      DEMO_LOGINS: "hide",
      ...(values["no-cache"] ? { ANSWER_CACHE_MB: "0" } : {}),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped (status ${child.exitCode}):\n${stderr}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill("SIGTERM");
  throw new Error(`The app did not answer /healthz within 5 minutes:\n${stderr}`);
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "analytiker@borlange.example", password: DEMO_DEFAULT_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("est_session="));
  if (!response.ok || !cookie)
    throw new Error(`Sign-in failed: HTTP ${response.status} ${await response.text()}`);
  return cookie.split(";")[0] ?? "";
}

const query = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** The dashboard's calls as the overview and CompStat pages make them for the latest complete period. */
function dashboardTargets(today: string): Target[] {
  const filter = { period: { kind: "biweek", date: addDays(today, -14) }, today };
  const batchInput = { 0: filter, 1: { ...filter, weeks: 52 }, 2: filter, 3: filter };
  return [
    { name: "overview.districtStats", method: "GET", path: query("overview.districtStats", filter) },
    {
      name: "overview.weeklyTrend",
      method: "GET",
      path: query("overview.weeklyTrend", { ...filter, weeks: 52 }),
    },
    { name: "overview.fieldLayers", method: "GET", path: query("overview.fieldLayers", filter) },
    { name: "analysis.compstat", method: "GET", path: query("analysis.compstat", filter) },
    { name: "analysis.risingNow", method: "GET", path: query("analysis.risingNow", filter) },
    { name: "analysis.risingOverTime", method: "GET", path: query("analysis.risingOverTime", filter) },
    { name: "analysis.trend", method: "GET", path: query("analysis.trend", { ...filter, periods: 26 }) },
    {
      name: "overview page (batch of 4)",
      method: "GET",
      path: `/trpc/overview.districtStats,overview.weeklyTrend,analysis.risingNow,analysis.risingOverTime?batch=1&input=${encodeURIComponent(JSON.stringify(batchInput))}`,
    },
  ];
}

function publicTargets(): Target[] {
  return [
    {
      name: "medborgarlofte.publicPage",
      method: "GET",
      path: query("medborgarlofte.publicPage", { workspace: DEMO_SLUG }),
      addresses: "many",
    },
    {
      name: `/lofte/${DEMO_SLUG} (the page)`,
      method: "GET",
      path: `/lofte/${DEMO_SLUG}`,
      addresses: "many",
    },
    {
      name: `/lofte/${DEMO_SLUG}, all readers behind one address`,
      method: "GET",
      path: `/lofte/${DEMO_SLUG}`,
      addresses: "one",
    },
  ];
}

/** Every answer is checked once before the load: 200 and a body that is not an error. */
async function preflight(base: string, targets: Target[], headers: Record<string, string>) {
  for (const target of targets) {
    const response = await fetch(`${base}${target.path}`, { headers: { ...headers, ...target.headers } });
    const body = await response.text();
    if (!response.ok || body.includes('"error"'))
      throw new Error(`${target.name}: HTTP ${response.status} ${body.slice(0, 300)}`);
    console.log(`  ${target.name}: ${response.status}, ${body.length} bytes`);
  }
}

/** One of 5,000 addresses: many citizens, as a link in the newspaper brings them. */
const citizenAddress = (n: number) => {
  const k = 1 + (n % 5000);
  return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
};

/** One address for a workplace's or a mobile operator's readers: the limit must not refuse them the page. */
const SHARED_ADDRESS = "10.200.0.1";

async function drive(base: string, target: Target, headers: Record<string, string>): Promise<Outcome> {
  let client = 0;
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 5_000);
  const statuses = new Map<number, number>();
  const options: autocannon.Options = {
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: [
      target.addresses
        ? {
            method: target.method,
            path: target.path,
            headers,
            setupRequest: (request) => ({
              ...request,
              headers: {
                ...request.headers,
                "x-forwarded-for": target.addresses === "one" ? SHARED_ADDRESS : citizenAddress(client++),
              },
            }),
          }
        : { method: target.method, path: target.path, headers },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, outcome) => (error ? reject(error) : resolve(outcome)));
    instance.on("response", (_client, statusCode) => {
      if (statusCode < 200 || statusCode > 299) statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  clearInterval(sampler);
  loads.push(os.loadavg()[0] ?? 0);
  // autocannon's `errors` already holds its timeouts; non-2xx answers are counted apart.
  const socketErrors = result.errors - result.timeouts;
  const errorKinds = [
    ...[...statuses].map(([status, count]) => `${count} × HTTP ${status}`),
    result.timeouts > 0 ? `${result.timeouts} timeouts (10 s)` : "",
    socketErrors > 0 ? `${socketErrors} connection errors` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return {
    name: target.name,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx,
    errorKinds,
    load: {
      mean: loads.reduce((sum, value) => sum + value, 0) / loads.length,
      max: Math.max(...loads),
    },
  };
}

function section(outcomes: Outcome[], startedAt: Date): string {
  const mode = values.public ? "the public medborgarlöfte page" : "the dashboard's procedures";
  const flags = [
    values.public ? "--public" : "",
    duration !== 60 ? `--duration ${duration}` : "",
    connections !== 200 ? `--connections ${connections}` : "",
    values["no-cache"] ? "--no-cache" : "",
  ].filter(Boolean);
  const command = flags.length > 0 ? `npm run load -- ${flags.join(" ")}` : "npm run load";
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(", ");
  const rows = outcomes.map(
    (o) =>
      `| ${o.name} | ${o.requests.toLocaleString("en-US")} | ${Math.round(o.perSecond).toLocaleString("en-US")} | ${o.p50} | ${o.p90} | ${o.p99} | ${o.max} | ${o.errors}${o.errorKinds ? ` (${o.errorKinds})` : ""} | ${o.load.mean.toFixed(1)} (${o.load.max.toFixed(1)}) | ${o.errors === 0 && o.p99 <= TARGET_P99_MS ? "met" : "missed"} |`,
  );
  return [
    `## Load: ${mode} (${connections} connections, ${duration} s each)`,
    "",
    `Written by \`${command}\` on ${startedAt.toISOString().slice(0, 10)}: the app as \`npm start\` runs it (NODE_ENV=production, ` +
      `request logs on) on a fresh PostgreSQL database with the demo workspace, on this machine (${os.cpus().length} cores, ` +
      `shared with the load generator); autocannon ${connections} connections per procedure, one after the other, each request ` +
      `${values.public ? "as a different citizen (X-Forwarded-For through TRUST_PROXY=1), or all as one (readers behind one proxy)" : "with the analyst's session cookie and the x-est-workspace header"}. ` +
      `Latency in ms (of 2xx answers, as autocannon measures). Errors: every request without a 2xx answer (non-2xx, timeouts after 10 s, ` +
      `connection errors). Target: no errors and p99 at most ${TARGET_P99_MS} ms. Load: the machine's 1-minute load average ` +
      `while the row ran, mean (max), sampled every 5 s; at the end (1, 5, 15 min): ${load}` +
      `${values["no-cache"] ? "; the answer cache was off (ANSWER_CACHE_MB=0)" : ""}.`,
    "",
    ...(values.public
      ? [
          "Before the page was kept as bytes and its readers shared one assembly (2026-12-01, load average about 8): " +
            "the page 116 req/s, p99 887 ms, 1,840 errors (at each minute's expiry, every reader assembled the page " +
            "afresh and the requests queued past the 10 s timeout); the data call 1,666 req/s, p99 422 ms.",
          "",
        ]
      : [
          "Before the answer cache (issue 10): `overview.districtStats` alone, 200 connections, 126 req/s, p50 1.5 s, p99 2.5 s. " +
            "With the cache but before cached answers were served in front of tRPC with the caller read once per request " +
            "(2026-12-01, load average about 10): districtStats 1,027 req/s, p99 555 ms; CompStat 418 req/s, p99 1,281 ms; " +
            "the overview's batch of four 189 req/s, p99 2,343 ms.",
          "",
        ]),
    "| procedure | requests | req/s | p50 | p90 | p99 | max | errors | load | target |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** Replaces the text between this mode's markers, or appends the section with its markers. */
function writeSection(text: string) {
  const marker = values.public ? "load-public" : "load";
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const current = fs.existsSync(BENCHMARKS) ? fs.readFileSync(BENCHMARKS, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${text}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(BENCHMARKS, next);
  console.log(`\nWritten to ${path.relative(root, BENCHMARKS)} between ${start} and ${end}`);
}

async function main() {
  const startedAt = new Date();
  console.log("Fresh PostgreSQL database, app start and demo seed…");
  const database = await createDatabase();
  let app: ChildProcess | null = null;
  try {
    const port = await freePort();
    app = await startApp(database.url, port);
    const base = `http://127.0.0.1:${port}`;
    const headers: Record<string, string> = values.public
      ? {}
      : { cookie: await signIn(base), "x-est-workspace": DEMO_SLUG };
    const today = toLocalDate(new Date(), "Europe/Stockholm");
    const wanted = values.only?.split(",").map((name) => name.trim());
    const targets = (values.public ? publicTargets() : dashboardTargets(today)).filter(
      (target) => !wanted || wanted.some((name) => target.name.includes(name)),
    );
    console.log("Checking each answer once:");
    await preflight(base, targets, headers);
    const outcomes: Outcome[] = [];
    for (const target of targets) {
      console.log(`\n${target.name}: ${connections} connections for ${duration} s…`);
      const outcome = await drive(base, target, headers);
      console.log(
        `  ${outcome.requests} requests, ${Math.round(outcome.perSecond)} req/s, p50 ${outcome.p50} ms, p90 ${outcome.p90} ms, p99 ${outcome.p99} ms, max ${outcome.max} ms, errors ${outcome.errors}${outcome.errorKinds ? ` (${outcome.errorKinds})` : ""}, load ${outcome.load.mean.toFixed(1)}`,
      );
      outcomes.push(outcome);
    }
    const text = section(outcomes, startedAt);
    console.log(`\n${text}`);
    if (!values["no-write"]) writeSection(text);
    const missed = outcomes.filter((o) => o.errors > 0 || o.p99 > TARGET_P99_MS);
    if (missed.length > 0) process.exitCode = 1;
  } finally {
    if (app && app.exitCode === null) {
      const stopped = new Promise((resolve) => app?.once("exit", resolve));
      app.kill("SIGTERM");
      await stopped;
    }
    if (values["keep-database"]) console.log(`Database kept: ${database.url}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
