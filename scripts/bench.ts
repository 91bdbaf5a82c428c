import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { createRandom } from "../prisma/factories/random.ts";
import { createUser } from "../prisma/factories/user.factory.ts";
import { createWorkspace } from "../prisma/factories/workspace.factory.ts";
import { connectDb, type DbHandle } from "../server/db/client.ts";
import { getCompstat } from "../server/features/analysis/analysis.service.ts";
import { importAreasGeoJson, importPopulation } from "../server/features/areas/areas.import.ts";
import { importCrimeCodeKey } from "../server/features/categories/crime-codes.import.ts";
import { importPoliceDelivery } from "../server/features/incidents/police-delivery.ts";
import { getDistrictStats } from "../server/features/overview/overview.service.ts";
import { importPlaces, searchPlaces } from "../server/features/places/places.service.ts";
import { resolveMembership } from "../server/features/workspace/workspace.service.ts";
import { addDays } from "../shared/calendar.ts";
import { comparePeriodsSoFar, periodOfInput } from "../shared/periods.ts";
import { OverviewFilterInputSchema } from "../shared/schemas/overview.ts";
import { bareColumns, benchYears, DALARNA, DELIVERY_HEADER, deliveryYear } from "./bench-data.ts";
import { benchSignal } from "./bench-signal.ts";

// npm run bench: everything, written to docs/benchmarks.md (about 20 minutes here).
//   --only signal|import|compstat (comma-separated): those parts, each replacing its own section
//   --sizes 100000,1000000,10000000   PostgreSQL sizes;  --pglite-sizes 1000000
//   --years 10  --queries 40 (runs per question, fewer when a question takes long)  --places 20000
//   --skip-pglite  --skip-postgres  --signal-runs 400
//   --keep   leave the PostgreSQL database est_bench and the PGlite folder in place (for profiling by hand)
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    "signal-runs": { type: "string", default: "400" },
    sizes: { type: "string", default: "100000,1000000,10000000" },
    "pglite-sizes": { type: "string", default: "1000000" },
    years: { type: "string", default: "10" },
    queries: { type: "string", default: "40" },
    places: { type: "string", default: "20000" },
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const numbers = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
const parts = new Set(values.only ? values.only.split(",") : ["signal", "import", "compstat"]);
const years = Number(values.years);
const queryRuns = Number(values.queries);
/** The last registration date of the bench data, and the user's date for every question. */
const END = "2026-11-15";
const TODAY = "2026-11-30";
const ANCHOR = "2024-01-08";
/** Borlänge: the kommun chosen for the one-kommun CompStat. */
const KOMMUN = "2081";

type Section = "signal" | "import" | "compstat";
const sections: Record<Section, string[]> = { signal: [], import: [], compstat: [] };
let current: Section = "signal";
const log = (line: string) => {
  console.log(line);
  sections[current].push(line);
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const rate = (rows: number, milliseconds: number) =>
  `${Math.round(rows / (milliseconds / 1000)).toLocaleString("en-US")} rows/s`;

/** The real Dalarna workspace: 175 DeSO areas in 15 kommuner, their populations, the 683-code key. */
async function prepare(handle: DbHandle) {
  const workspace = await createWorkspace(handle.db, { slug: "bench", name: "Bench", meetingAnchor: ANCHOR });
  const read = (file: string) => fs.readFileSync(path.join(DALARNA, file));
  await importAreasGeoJson({
    db: handle.db,
    workspaceId: workspace.id,
    content: read("deso_dalarna.geojson"),
    kind: "deso",
    codeProperty: "desokod",
    parentCodeProperty: "Kommunkod",
    parentNameProperty: "Kommunnamn",
  });
  await importPopulation({
    db: handle.db,
    workspaceId: workspace.id,
    content: read("bef_deso_dalarna.csv"),
    codeColumn: "desokod",
    yearColumn: "år",
    populationColumn: "bef",
  });
  await importCrimeCodeKey({
    db: handle.db,
    workspaceId: workspace.id,
    content: read("brott_niva_nyckel.csv"),
  });
  const user = await createUser(handle.db, {
    email: `bench-${Date.now()}@example.se`,
    memberships: [{ workspaceId: workspace.id, role: "analyst" }],
  });
  const membership = await resolveMembership({ db: handle.db, userId: user.id, slug: "bench" });
  if (!membership) throw new Error("no membership");
  return { workspace: membership.workspace };
}
type Context = Awaited<ReturnType<typeof prepare>>;

/** Each year's delivery rows (n spread evenly over the years), made one year at a time. */
function* yearsOfRows(n: number) {
  const span = benchYears(END, years);
  for (const [k, year] of span.entries()) {
    const rows = Math.floor(n / span.length) + (k < n % span.length ? 1 : 0);
    yield { year, lines: deliveryYear(year, rows, END, 1000 * n + k + 1) };
  }
}

/** Files of at most about a million rows, as the police deliver them (all kommuner of a year in one). */
function* deliveryFiles(n: number) {
  let batch: string[] = [];
  let names: number[] = [];
  for (const { year, lines } of yearsOfRows(n)) {
    if (batch.length > 0 && batch.length + lines.length > 1_000_000) {
      yield { name: `brott_${names[0]}-${names.at(-1)}.csv`, lines: batch };
      batch = [];
      names = [];
    }
    batch = batch.concat(lines);
    names.push(year);
  }
  if (batch.length > 0) yield { name: `brott_${names[0]}-${names.at(-1)}.csv`, lines: batch };
}

async function openDatabase(kind: "pglite" | "postgres", url: string | undefined) {
  if (kind === "postgres") {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS est_bench");
    await admin.query("CREATE DATABASE est_bench");
    await admin.end();
    const handle = await connectDb(
      { databaseUrl: url?.replace(/\/[^/]*$/, "/est_bench") },
      { migrate: true },
    );
    return {
      ...handle,
      async close() {
        await handle.close();
        if (values.keep) return;
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query("DROP DATABASE IF EXISTS est_bench");
        await cleanup.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "est-bench-"));
  const handle = await connectDb({ pgliteDir: dir }, { migrate: true });
  return {
    ...handle,
    async close() {
      await handle.close();
      if (values.keep) console.log(`  kept the PGlite database in ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Loaded = { csvFiles: string[]; importMs: number; copyMs: number; profile: Record<string, number> };

/**
 * The rows through the app's import (files of up to a million rows), then COPY of the same rows'
 * five columns (DeSO, code, registration and crime date, count) into a bare table: the floor.
 * The five columns are also written to CSV files for DuckDB.
 */
async function load(handle: DbHandle, context: Context, n: number, dir: string): Promise<Loaded> {
  const profile: Record<string, number> = {};
  const csvFiles: string[] = [];
  let importMs = 0;
  let copyMs = 0;
  await handle.driver.exec(
    "CREATE TABLE bench_bare (deso text, code int, registered date, occurred date, n int)",
  );
  for (const file of deliveryFiles(n)) {
    const content = `${DELIVERY_HEADER}\n${file.lines.join("\n")}\n`;
    const started = performance.now();
    await importPoliceDelivery({
      db: handle.db,
      workspaceId: context.workspace.id,
      timeZone: "Europe/Stockholm",
      userId: null,
      fileName: file.name,
      content,
      profile,
    });
    importMs += performance.now() - started;
    const bare = file.lines.map(bareColumns);
    const csv = path.join(dir, `${file.name}`);
    fs.writeFileSync(csv, `${bare.join("\n")}\n`);
    csvFiles.push(csv);
    function* chunks() {
      for (let offset = 0; offset < bare.length; offset += 50_000)
        yield `${bare.slice(offset, offset + 50_000).join("\n")}\n`;
    }
    const copyStarted = performance.now();
    await handle.driver.copyFrom("COPY bench_bare FROM STDIN (FORMAT csv)", chunks());
    copyMs += performance.now() - copyStarted;
  }
  await handle.driver.exec("DROP TABLE bench_bare");
  return { csvFiles, importMs, copyMs, profile };
}

/** Question dates: a fixed sequence of biweeks within the last two years of data. */
function questionDates(count: number) {
  const random = createRandom(7);
  return Array.from({ length: count }, () => addDays(END, -random.integer(700)));
}

/** p50 and p95 of a question asked up to `queryRuns` times (at least 10; stops after a minute). */
async function time(run: (date: string) => Promise<unknown>) {
  // Steady state, as on a running server: the pool has its connections and the plans are cached.
  for (let i = 0; i < 3; i++) await run(addDays(END, -7 * i));
  const times: number[] = [];
  const started = performance.now();
  for (const date of questionDates(queryRuns)) {
    if (times.length >= 10 && performance.now() - started > 60_000) break;
    const t = performance.now();
    await run(date);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
}

const compstatInput = (date: string) => ({
  ...OverviewFilterInputSchema.parse({ period: { kind: "biweek", date }, today: TODAY }),
  dateBasis: "registered" as const,
  groupBy: "category" as const,
});

/** DuckDB over the same rows: per area × code the five windows CompStat compares. */
async function duckdb(csvFiles: string[]) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(
    `CREATE TABLE incidents AS SELECT * FROM read_csv([${csvFiles.map((f) => `'${f}'`).join(", ")}],
       columns = {'deso': 'VARCHAR', 'code': 'INTEGER', 'registered': 'DATE', 'occurred': 'DATE', 'n': 'INTEGER'}, header = false)`,
  );
  const loadMs = performance.now() - started;
  const question = await connection.prepare(
    `SELECT deso, code,
       SUM(n) FILTER (WHERE registered BETWEEN $1::DATE AND $2::DATE) AS current,
       SUM(n) FILTER (WHERE registered BETWEEN $3::DATE AND $4::DATE) AS previous,
       SUM(n) FILTER (WHERE registered BETWEEN $5::DATE AND $6::DATE) AS last_year,
       SUM(n) FILTER (WHERE registered BETWEEN $7::DATE AND $8::DATE) AS year_to_date,
       SUM(n) FILTER (WHERE registered BETWEEN $9::DATE AND $10::DATE) AS last_year_to_date
     FROM incidents WHERE registered BETWEEN $11::DATE AND $12::DATE
     GROUP BY deso, code`,
  );
  const timing = await time(async (date) => {
    const period = periodOfInput({ kind: "biweek", date }, ANCHOR);
    const c = comparePeriodsSoFar(period, TODAY);
    const ranges = [c.observed, c.previous, c.lastYear, c.yearToDate, c.lastYearToDate];
    const from = ranges.map((r) => r.start).sort()[0] ?? c.observed.start;
    const to =
      ranges
        .map((r) => r.end)
        .sort()
        .at(-1) ?? c.observed.end;
    question.bind([...ranges.flatMap((r) => [r.start, r.end]), from, to]);
    return (await question.runAndReadAll()).getRows();
  });
  connection.closeSync();
  instance.closeSync();
  return { loadMs, ...timing };
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
async function benchPlaces(handle: DbHandle, context: Context) {
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
  const importSeconds = (performance.now() - started) / 1000;
  const random = createRandom(11);
  const times: number[] = [];
  for (let i = 0; i < queryRuns; i++) {
    const street = streets[random.integer(streets.length)] ?? "";
    const typed = [street.slice(0, 3), street, `${street} ${1 + random.integer(9)}`][i % 3] ?? street;
    const queryStarted = performance.now();
    await searchPlaces({ db: handle.db, workspace: context.workspace }, { query: typed, limit: 20 });
    times.push(performance.now() - queryStarted);
  }
  times.sort((a, b) => a - b);
  return `${count.toLocaleString("en-US")} places imported at ${(count / importSeconds).toFixed(0)} rows/s (${importSeconds.toFixed(1)} s); search (20 suggestions) p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`;
}

type Row = {
  kind: "pglite" | "postgres";
  n: number;
  app: Awaited<ReturnType<typeof time>>;
  duck: Awaited<ReturnType<typeof duckdb>> | null;
  picture: Awaited<ReturnType<typeof time>>;
  /** The first question after the import (loads the weekly rollup into memory), ms. */
  cold: number;
  /** CompStat for one kommun (Borlänge's 2081): whole weeks from the daily counts. */
  kommun: Awaited<ReturnType<typeof time>>;
};
const compstatRows: Row[] = [];
const importRows: { kind: string; n: number; loaded: Loaded; places: string | null }[] = [];

async function benchDatabase(kind: "pglite" | "postgres", url: string | undefined, sizes: number[]) {
  for (const n of sizes) {
    const handle = await openDatabase(kind, url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "est-bench-csv-"));
    try {
      const context = await prepare(handle);
      console.log(`\n${kind}, ${n.toLocaleString("en-US")} rows: importing`);
      const loaded = await load(handle, context, n, dir);
      console.log(`  import ${seconds(loaded.importMs)}, bare COPY ${seconds(loaded.copyMs)}`);
      const places =
        parts.has("import") && n === sizes[0] && Number(values.places) > 0
          ? await benchPlaces(handle, context)
          : null;
      importRows.push({ kind, n, loaded, places });
      if (parts.has("compstat")) {
        // Steady state: autovacuum has set the visibility map, so index-only scans apply.
        await handle.driver.exec("VACUUM ANALYZE");
        // The first question after the import: loads the weekly rollup into this process's memory.
        const coldStarted = performance.now();
        await getCompstat({ db: handle.db, workspace: context.workspace }, compstatInput(addDays(END, -30)));
        const cold = performance.now() - coldStarted;
        const app = await time((date) =>
          getCompstat({ db: handle.db, workspace: context.workspace }, compstatInput(date)),
        );
        // One kommun (Borlänge) chosen: some areas, so whole weeks come from the daily counts.
        const kommun = await time((date) =>
          getCompstat(
            { db: handle.db, workspace: context.workspace },
            { ...compstatInput(date), areaCodes: [KOMMUN] },
          ),
        );
        console.log(`  CompStat p50 ${ms(app.p50)} p95 ${ms(app.p95)} (${app.runs} runs)`);
        const picture = await time((date) =>
          getDistrictStats(
            { db: handle.db, workspace: context.workspace },
            OverviewFilterInputSchema.parse({ period: { kind: "biweek", date }, today: TODAY }),
          ),
        );
        const duck = await duckdb(loaded.csvFiles);
        console.log(`  DuckDB p50 ${ms(duck.p50)} p95 ${ms(duck.p95)}`);
        compstatRows.push({ kind, n, app, duck, picture, cold, kommun });
      }
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

const startLoad = os.loadavg()[0]?.toFixed(1);
const runNote = () =>
  `Written by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` on ${new Date().toISOString().slice(0, 10)}, load average ${startLoad} at the start (the machine is shared with other work).`;

const STEPS = ["copy and check", "resolve", "analyze", "replace", "publish", "commit"];

function writeImport() {
  current = "import";
  log("\n## Import of police deliveries against COPY into a bare table");
  log(
    `\n${runNote()} The bench data looks like the real thing: rows resampled from the real Dalarna deliveries in ../shared/data (their DeSO areas, crime codes, counts and crime-to-registration delays, jointly) on registration dates spread over ${years} years up to ${END}, in the police's file format (all kommuner of a year in one file, files of up to a million rows); the workspace has the 175 DeSO areas of Dalarna and the police's key of 683 crime codes. **App import**: \`importPoliceDelivery\` end to end on a fresh database, from the file's text to the committed batch (COPY of the file as it is, set-wise checks, resolution of areas, codes and ids, the replacement of each delivery's kommun and months, the insert into \`incidents\` with its three indexes and the daily counts kept by the statement triggers, all in one transaction per file). **Bare COPY** (the floor): COPY FROM STDIN of the same rows' five columns (DeSO, code, registration date, crime date, count) into a table without index, key or trigger (on PGlite COPY from \`/dev/blob\`). Target: the app at most 2× the bare COPY time on PostgreSQL, at least 100,000 rows/s on PGlite.`,
  );
  log("\n| database | rows | app import | bare COPY | app / COPY | target met |");
  log("| --- | --- | --- | --- | --- | --- |");
  for (const { kind, n, loaded } of importRows) {
    const ratio = loaded.importMs / loaded.copyMs;
    const met = kind === "postgres" ? ratio <= 2 : n / (loaded.importMs / 1000) >= 100_000;
    log(
      `| ${kind} | ${n.toLocaleString("en-US")} | ${seconds(loaded.importMs)} (${rate(n, loaded.importMs)}) | ${seconds(loaded.copyMs)} (${rate(n, loaded.copyMs)}) | ${ratio.toFixed(1)}× | ${met ? "yes" : "no"} |`,
    );
  }
  log("\nWhere the app's import spends its time (seconds, summed over the files):\n");
  log(`| database | rows | ${STEPS.join(" | ")} |`);
  log(`| --- | --- | ${STEPS.map(() => "---").join(" | ")} |`);
  for (const { kind, n, loaded } of importRows)
    log(
      `| ${kind} | ${n.toLocaleString("en-US")} | ${STEPS.map((step) => ((loaded.profile[step] ?? 0) / 1000).toFixed(1)).join(" | ")} |`,
    );
  log(
    "\n*copy and check*: the file's text into an unlogged table by COPY and the checks on each column's distinct values; *resolve*: areas, codes, instants and external ids into a second unlogged table; *replace*: the rows each delivery no longer has, removed and archived for undo; *publish*: the set-wise reference check and the insert into `incidents` with its indexes and the daily counts' trigger.",
  );
  const places = importRows.filter((row) => row.places);
  if (places.length > 0) {
    log(
      "\nAddress lists (every row checked against the district polygons, one upsert) and the place field's search:\n",
    );
    for (const row of places) log(`- ${row.kind}: ${row.places}`);
  }
}

function writeCompstat() {
  current = "compstat";
  log("\n## CompStat against DuckDB");
  log(
    `\n${runNote()} The biweekly CompStat (\`getCompstat\`: the category tree, the period against the one before, the same period last year, year to date and last year to date, a two-year baseline per row and the period and sustained flags) for a workspace's whole area, asked for ${queryRuns} biweeks within the two years before ${END} (at least 10 runs, fewer than ${queryRuns} when they take over a minute), after three warm-up questions, on the rows imported above (VACUUM ANALYZE first). **DuckDB** (\`@duckdb/node-api\`, in memory, the peer) answers five windows per area × code (the period, the one before, the same period last year, year to date, last year to date) over the same rows' five columns, loaded from CSV, as a prepared statement. *First question*: the first CompStat after the import, which loads the workspace's weekly rollup into the process's memory (decisions/027); later questions add whole weeks up there and read only the ranges' end days from the database. *One kommun*: the same CompStat with Borlänge (2081) chosen, whose whole weeks come from the daily counts grouped by week in SQL. The district picture (count, rate and change per DeSO) is the overview's first question. Targets: CompStat p95 at most DuckDB's, at most 50 ms at 10 M rows on PostgreSQL and 250 ms at 1 M on PGlite, and p95 at 10 M at most twice p95 at 100 k.`,
  );
  log(
    "\n| database | rows | CompStat p50 | CompStat p95 | DuckDB p50 | DuckDB p95 | first question | one kommun p50 | p95 | district picture p50 | p95 | runs |",
  );
  log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of compstatRows)
    log(
      `| ${row.kind} | ${row.n.toLocaleString("en-US")} | ${ms(row.app.p50)} | ${ms(row.app.p95)} | ${row.duck ? ms(row.duck.p50) : "–"} | ${row.duck ? ms(row.duck.p95) : "–"} | ${ms(row.cold)} | ${ms(row.kommun.p50)} | ${ms(row.kommun.p95)} | ${ms(row.picture.p50)} | ${ms(row.picture.p95)} | ${row.app.runs} |`,
    );
  const pg = compstatRows.filter((row) => row.kind === "postgres");
  const small = pg.find((row) => row.n === Math.min(...pg.map((r) => r.n)));
  const large = pg.find((row) => row.n === Math.max(...pg.map((r) => r.n)));
  const lite = compstatRows.find((row) => row.kind === "pglite" && row.n === 1_000_000);
  const targets: string[] = [];
  for (const row of compstatRows)
    if (row.duck)
      targets.push(
        `${row.kind} ${row.n.toLocaleString("en-US")}: CompStat p95 ${ms(row.app.p95)} against DuckDB's ${ms(row.duck.p95)}: ${row.app.p95 <= row.duck.p95 ? "met" : `not met (${(row.app.p95 / row.duck.p95).toFixed(0)}×)`}`,
      );
  const tenM = pg.find((row) => row.n === 10_000_000);
  if (tenM)
    targets.push(
      `PostgreSQL 10 M: p95 ${ms(tenM.app.p95)} against 50 ms: ${tenM.app.p95 <= 50 ? "met" : "not met"}`,
    );
  if (lite)
    targets.push(
      `PGlite 1 M: p95 ${ms(lite.app.p95)} against 250 ms: ${lite.app.p95 <= 250 ? "met" : "not met"}`,
    );
  if (small && large && small !== large) {
    const ratio = large.app.p95 / small.app.p95;
    targets.push(
      `PostgreSQL p95 at ${large.n.toLocaleString("en-US")} / at ${small.n.toLocaleString("en-US")}: ${ratio.toFixed(1)} against 2: ${ratio <= 2 ? "met" : "not met"}`,
    );
  }
  log("\nTargets:\n");
  for (const line of targets) log(`- ${line}`);
}

const FILE = "docs/benchmarks.md";
const HEADINGS: Record<Section, RegExp> = {
  signal: /\n## Rising flag on synthetic biweekly series[\s\S]*?(?=\n## (?!Sustained flag)|\n<!-- |$)/,
  import: /\n## Import (?:of police deliveries|and queries)[\s\S]*?(?=\n## |\n<!-- |$)/,
  compstat: /\n## CompStat against DuckDB[\s\S]*?(?=\n## |\n<!-- |$)/,
};

/** Replaces the sections this run wrote, keeping the others and the load test's block as they are. */
function writeFile(header: string) {
  const old = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "";
  // Blocks other scripts write (the load tests), each between its own start and end markers.
  const blocks = [...old.matchAll(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g)].map(
    (match) => match[0],
  );
  const kept = (section: Section) => {
    if (sections[section].length > 0) return `${sections[section].join("\n")}\n`;
    const found = HEADINGS[section].exec(old)?.[0];
    // The old import section also held the queries: from this run on they have their own section.
    return found && !found.startsWith("\n## Import and queries") ? `${found.trimEnd()}\n` : "";
  };
  const head = parts.size === 3 || !old ? header : (/^[\s\S]*?(?=\n## )/.exec(old)?.[0] ?? header);
  const text = `${head.trimEnd()}\n${kept("signal")}${kept("import")}${kept("compstat")}${blocks.map((block) => `\n${block}\n`).join("")}`;
  fs.mkdirSync("docs", { recursive: true });
  fs.writeFileSync(FILE, text);
  console.log(`\nWritten to ${FILE}`);
}

async function main() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const command = process.argv.slice(2).join(" ");
  const header = `# Benchmarks\n\nMachine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} at the start (the machine is shared). Command: \`npm run bench${command ? ` -- ${command}` : ""}\`. Run ${new Date().toISOString().slice(0, 10)}.\n`;
  if (parts.has("signal")) {
    current = "signal";
    const runs = Number(values["signal-runs"]);
    benchSignal(log, { period: runs, sustained: Math.max(50, Math.round(runs / 2)) });
  }
  if (parts.has("import") || parts.has("compstat")) {
    if (!values["skip-postgres"]) {
      const url =
        process.env.BENCH_DATABASE_URL ??
        process.env.TEST_DATABASE_URL ??
        execFileSync("bash", [".ci/start-postgres.sh"], { encoding: "utf8" }).trim();
      await benchDatabase("postgres", url, numbers(values.sizes));
    }
    if (!values["skip-pglite"]) await benchDatabase("pglite", undefined, numbers(values["pglite-sizes"]));
    if (parts.has("import")) writeImport();
    if (parts.has("compstat")) writeCompstat();
  }
  writeFile(header);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
