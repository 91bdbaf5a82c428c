import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { connectDb, type DbHandle } from "../server/db/client.ts";
import { getCompstat } from "../server/features/analysis/analysis.service.ts";
import {
  type IncidentRow,
  publishStagedIncidents,
  stageIncidents,
} from "../server/features/incidents/incident-writer.ts";
import { getDistrictStats } from "../server/features/overview/overview.service.ts";
import { importPlaces, searchPlaces } from "../server/features/places/places.service.ts";
import { resolveMembership } from "../server/features/workspace/workspace.service.ts";
import { addDays, toLocalDate } from "../shared/calendar.ts";
import { OverviewFilterInputSchema } from "../shared/schemas/overview.ts";
import { createBorlangeAreas } from "../tests/factories/area.factory.ts";
import { createCategoryTree } from "../tests/factories/category.factory.ts";
import { createRandom } from "../tests/factories/random.ts";
import { createUser } from "../tests/factories/user.factory.ts";
import { createWorkspace } from "../tests/factories/workspace.factory.ts";
import { benchSignal } from "./bench-signal.ts";

// npm run bench [-- --sizes 100000,1000000 --places 20000 --skip-pglite --skip-postgres --queries 40]
// npm run bench -- --only signal [--signal-runs 400]: the flags on synthetic series alone, written
// into their section of docs/benchmarks.md.
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    "signal-runs": { type: "string", default: "400" },
    sizes: { type: "string", default: "100000,1000000" },
    queries: { type: "string", default: "40" },
    places: { type: "string", default: "20000" },
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
  },
});
const sizes = (values.sizes ?? "")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const queryRuns = Number(values.queries);
const END = "2026-11-15";
const lines: string[] = [];
const log = (line: string) => {
  console.log(line);
  lines.push(line);
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function prepare(handle: DbHandle) {
  const workspace = await createWorkspace(handle.db, {
    slug: "bench",
    name: "Bench",
    meetingAnchor: "2024-01-08",
  });
  const { desos } = await createBorlangeAreas(handle.db, workspace.id);
  const categories = (await createCategoryTree(handle.db, workspace.id)).filter((c) => c.kind !== "group");
  const source = await handle.db.dataSource.create({
    data: { workspaceId: workspace.id, kind: "synthetic", name: "bench" },
  });
  const copySource = await handle.db.dataSource.create({
    data: { workspaceId: workspace.id, kind: "synthetic", name: "bench copy" },
  });
  const user = await createUser(handle.db, {
    email: `bench-${Date.now()}@example.se`,
    memberships: [{ workspaceId: workspace.id, role: "analyst" }],
  });
  const membership = await resolveMembership({ db: handle.db, userId: user.id, slug: "bench" });
  if (!membership) throw new Error("no membership");
  return { workspace: membership.workspace, desos, categories, source, copySource };
}

/** N incidents spread over three years, 27 districts and the demo's crime codes. */
function generate(n: number, context: Awaited<ReturnType<typeof prepare>>, sourceId: string): IncidentRow[] {
  const random = createRandom(n);
  const start = new Date(`${addDays(END, -3 * 365)}T00:00:00Z`).getTime();
  const span = 3 * 365 * 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const area = context.desos[random.integer(context.desos.length)];
    const at = new Date(start + random.next() * span);
    return {
      dataSourceId: sourceId,
      externalId: `b${i}`,
      categoryId: context.categories[random.integer(context.categories.length)]?.id ?? "",
      areaId: area?.id ?? null,
      occurredFrom: at,
      registeredAt: at,
      count: 1,
      lon: area?.centroidLon ?? null,
      lat: area?.centroidLat ?? null,
      pointPrecision: "area_centroid" as const,
    };
  });
}

async function timeQueries(label: string, run: (date: string) => Promise<unknown>) {
  const random = createRandom(7);
  const times: number[] = [];
  // Steady state, as on a running server: the pool has its connections and the plans are cached.
  for (let i = 0; i < 3; i++) await run(addDays(END, -7 * i));
  for (let i = 0; i < queryRuns; i++) {
    const date = addDays(END, -random.integer(700));
    const started = performance.now();
    await run(date);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  log(`| ${label} | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms |`);
}

const STREET_STEMS = [
  "Stor",
  "Kyrk",
  "Skol",
  "Bruks",
  "Tjärna",
  "Hag",
  "Björk",
  "Ek",
  "Lind",
  "Sjö",
  "Berg",
  "Park",
  "Mjälg",
  "Kvarn",
  "Å",
  "Ängs",
  "Öster",
  "Väster",
  "Norr",
  "Söder",
];
const STREET_KINDS = ["gatan", "vägen", "stigen", "backen", "gränd"];

/**
 * A kommun's address register (streets × house numbers at district centres) through the real
 * importer, then the place field's search for typed beginnings of addresses.
 */
async function benchPlaces(handle: DbHandle, context: Awaited<ReturnType<typeof prepare>>) {
  const count = Number(values.places);
  const desos = await handle.db.area.findMany({
    where: { workspaceId: context.workspace.id, kind: "deso" },
    select: { centroidLon: true, centroidLat: true },
  });
  const streets = STREET_STEMS.flatMap((stem) => STREET_KINDS.map((kind) => `${stem}${kind}`));
  const lines = ["Namn;Lat;Lon"];
  for (let i = 0; i < count; i++) {
    const street = streets[i % streets.length];
    const area = desos[i % desos.length];
    lines.push(`${street} ${Math.floor(i / streets.length) + 1};${area?.centroidLat};${area?.centroidLon}`);
  }
  const started = performance.now();
  await importPlaces({
    db: handle.db,
    workspaceId: context.workspace.id,
    fileName: "adresser.csv",
    content: Buffer.from(lines.join("\n"), "utf8"),
  });
  const seconds = (performance.now() - started) / 1000;
  log(
    `- address list of ${count.toLocaleString("sv-SE")} places (every row checked against the district polygons, one upsert): ${(count / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s)`,
  );
  const random = createRandom(11);
  const times: number[] = [];
  for (let i = 0; i < queryRuns; i++) {
    const street = streets[random.integer(streets.length)] ?? "";
    const typed = [street.slice(0, 3), street, `${street} ${1 + random.integer(9)}`][i % 3] ?? street;
    const queryStarted = performance.now();
    await searchPlaces({ db: handle.db, workspaceId: context.workspace.id, query: typed, limit: 20 });
    times.push(performance.now() - queryStarted);
  }
  times.sort((a, b) => a - b);
  return `| address search (20 suggestions among ${count.toLocaleString("sv-SE")} places) | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms |`;
}

async function benchDatabase(kind: "pglite" | "postgres", url: string | undefined) {
  for (const n of sizes) {
    let handle: DbHandle;
    if (kind === "postgres") {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query("DROP DATABASE IF EXISTS est_bench");
      await admin.query("CREATE DATABASE est_bench");
      await admin.end();
      handle = await connectDb({ databaseUrl: url?.replace(/\/[^/]*$/, "/est_bench") }, { migrate: true });
    } else {
      handle = await connectDb(
        { pgliteDir: fs.mkdtempSync(path.join(os.tmpdir(), "est-bench-")) },
        { migrate: true },
      );
    }
    const context = await prepare(handle);
    const rows = generate(n, context, context.source.id);
    const started = performance.now();
    const staged = await stageIncidents(handle.db, rows, "Europe/Stockholm");
    const stagedSeconds = (performance.now() - started) / 1000;
    await handle.db.$transaction(
      (tx) =>
        publishStagedIncidents(tx, context.workspace.id, staged, {
          importBatchId: null,
          archiveChanged: false,
        }),
      { timeout: 3_600_000 },
    );
    await staged.drop();
    const seconds = (performance.now() - started) / 1000;
    log(`\n### ${kind}, ${n.toLocaleString("sv-SE")} incidents\n`);
    log(
      `- import through the app's bulk path (${kind === "postgres" ? "COPY FROM STDIN" : "COPY FROM a blob"} into a staging table, then one INSERT … SELECT with set-wise reference checks in a transaction, daily aggregates maintained): ${(n / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s, of which staging ${stagedSeconds.toFixed(1)} s)`,
    );
    if (kind === "postgres") {
      const file = path.join(os.tmpdir(), `est-bench-${n}.csv`);
      const csv = rows.map((r, i) =>
        [
          context.workspace.id,
          context.copySource.id,
          `c${i}`,
          r.categoryId,
          r.areaId,
          r.registeredAt.toISOString(),
          r.registeredAt.toISOString(),
          toLocalDate(r.registeredAt),
          toLocalDate(r.registeredAt),
          1,
          r.lon ?? "",
          r.lat ?? "",
          r.pointPrecision ?? "",
        ].join(","),
      );
      fs.writeFileSync(file, `${csv.join("\n")}\n`);
      const copyStarted = performance.now();
      const copy = spawnSync(
        "psql",
        [
          url?.replace(/\/[^/]*$/, "/est_bench") ?? "",
          "-q",
          "-c",
          `\\copy incidents (workspace_id, data_source_id, external_id, category_id, area_id, occurred_from, registered_at, registered_on, occurred_on, count, lon, lat, point_precision) FROM '${file}' CSV`,
        ],
        { encoding: "utf8" },
      );
      if (copy.status !== 0) throw new Error(copy.stderr);
      const copySeconds = (performance.now() - copyStarted) / 1000;
      log(
        `- psql \\copy of the same rows into the same table: ${(n / copySeconds).toFixed(0)} rows/s (${copySeconds.toFixed(1)} s)`,
      );
      fs.rmSync(file);
    }
    const placesLine =
      n === sizes[0] && Number(values.places) > 0 ? await benchPlaces(handle, context) : null;
    // Steady state: autovacuum has set the visibility map, so index-only scans apply.
    await handle.driver.exec("VACUUM ANALYZE");
    log("\n| query | p50 | p95 |\n| --- | --- | --- |");
    await timeQueries("biweekly picture: districts (count, rate, previous)", (date) =>
      getDistrictStats({
        db: handle.db,
        workspace: context.workspace,
        filter: OverviewFilterInputSchema.parse({ period: { kind: "biweek", date } }),
      }),
    );
    await timeQueries("biweekly CompStat (tree, YTD, 2-year baseline, flags)", (date) =>
      getCompstat({
        db: handle.db,
        workspace: context.workspace,
        input: {
          ...OverviewFilterInputSchema.parse({ period: { kind: "biweek", date } }),
          dateBasis: "registered",
          groupBy: "category",
        },
      }),
    );
    if (placesLine) log(placesLine);
    await handle.close();
  }
}

const SIGNAL_HEADING = "\n## Rising flag on synthetic biweekly series";
const signalRuns = () => {
  const runs = Number(values["signal-runs"]);
  return { period: runs, sustained: Math.max(50, Math.round(runs / 2)) };
};

/** Replaces the flags' sections of docs/benchmarks.md (up to the next section of another kind). */
function writeSignalOnly() {
  const file = "docs/benchmarks.md";
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(SIGNAL_HEADING);
  const next = /\n## (?!Sustained flag)/g;
  next.lastIndex = start + SIGNAL_HEADING.length;
  const end = next.exec(text)?.index ?? text.length;
  if (start < 0) throw new Error(`${file} has no signal section to replace`);
  fs.writeFileSync(file, `${text.slice(0, start)}${lines.join("\n")}\n${text.slice(end)}`);
  console.log(`\nSignal sections replaced in ${file}`);
}

async function main() {
  if (values.only === "signal") {
    benchSignal(log, signalRuns());
    writeSignalOnly();
    return;
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  log(
    `# Benchmarks\n\nMachine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Command: \`npm run bench -- --sizes ${values.sizes}\`. Run ${new Date().toISOString().slice(0, 10)}.\n`,
  );
  benchSignal(log, signalRuns());
  log("\n## Import and queries");
  log(
    "\nImports are measured end to end: rows staged by COPY, published into `incidents` in one transaction with set-wise reference checks, and `daily_incident_counts` maintained by its statement-level trigger. `psql \\copy` loads the same rows into the same table (same indexes and triggers) as the reference. On this table the daily aggregate costs about as much as the rows themselves: the synthetic incidents are spread over 3 years × 27 districts × 40 codes, so nearly every incident makes its own aggregate row. See docs/decisions/007 for COPY into the bare table and the cost of each index and constraint.",
  );
  if (!values["skip-pglite"]) await benchDatabase("pglite", undefined);
  if (!values["skip-postgres"]) {
    const url =
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      execFileSync("bash", [".ci/start-postgres.sh"], { encoding: "utf8" }).trim();
    await benchDatabase("postgres", url);
  }
  fs.mkdirSync("docs", { recursive: true });
  fs.writeFileSync("docs/benchmarks.md", `${lines.join("\n")}\n`);
  console.log("\nWritten to docs/benchmarks.md");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
