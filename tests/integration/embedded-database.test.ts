import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LockHolder } from "../../server/db/data-dir-lock.ts";

// The default set-up a small kommun runs: `npm start` on the embedded database, imports from cron.
// Real processes on a real data folder: the app, the import command, a second app, a crash.
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "est-embedded-"));
const deliveryFile = path.join(dataDir, "..", `Brottsstatistik_Borlänge_202403-${process.pid}.csv`);
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: "0",
  HOST: "127.0.0.1",
  SKIP_CLIENT_BUILD: "1",
  DATABASE_URL: "",
  EST_IMPORT_TOKEN: "",
  NODE_ENV: "production",
};
delete (env as Record<string, string | undefined>).DATABASE_URL;
delete (env as Record<string, string | undefined>).EST_IMPORT_TOKEN;

type Run = { status: number | null; stdout: string; stderr: string };

function start(script: string, args: string[] = [], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (output.stdout += chunk));
  child.stderr.on("data", (chunk) => (output.stderr += chunk));
  const done = new Promise<Run>((resolve) => child.on("exit", (status) => resolve({ status, ...output })));
  return { child, output, done };
}

const run = (script: string, args: string[] = [], extraEnv: Record<string, string> = {}) =>
  start(script, args, extraEnv).done;

const readLock = (): LockHolder | null => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "est.lock"), "utf8")) as LockHolder;
  } catch {
    return null;
  }
};

/** Starts the app and waits until it listens (it writes its address into the folder's lock). */
async function startApp(): Promise<{
  child: ChildProcess;
  url: string;
  output: { stderr: string; stdout: string };
}> {
  const app = start("start.ts");
  for (let waited = 0; waited < 60_000; waited += 200) {
    const holder = readLock();
    if (holder?.url && holder.pid === app.child.pid)
      return { child: app.child, url: holder.url, output: app.output };
    if (app.child.exitCode !== null) throw new Error(`The app stopped: ${app.output.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The app did not start within 60 s");
}

async function stop(child: ChildProcess, signal: NodeJS.Signals) {
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill(signal);
  await exited;
}

async function trpc<T>(url: string, procedure: string, input: unknown, cookie: string, method = "GET") {
  const headers = { cookie, "x-est-workspace": "est-borlange", "content-type": "application/json" };
  const response =
    method === "GET"
      ? await fetch(`${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
        })
      : await fetch(`${url}/trpc/${procedure}`, { method, headers, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function login(url: string, email: string) {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "est-demo-2026" }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** Vandalism on cars (crime code 1201) in one DeSO area in March 2024: only the delivery holds any. */
async function marchVandalism(url: string, cookie: string) {
  const stats = await trpc<{ rows: { code: string | null; count: number }[] }>(
    url,
    "overview.districtStats",
    { period: { kind: "month", date: "2024-03-15" }, areaCodes: ["2081A0010"], categoryCodes: ["1201"] },
    cookie,
  );
  return stats.rows.find((row) => row.code === "2081A0010")?.count ?? 0;
}

describe("the embedded database under a running app", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let token: string;

  beforeAll(async () => {
    const header =
      "LPO/Sektion nivå 4 brottsplats,Län,Kommunnamn,Kommunkod,desokod,Brottskod,Brottskod text,Inskr år,Inskr årmånad,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil,regsonamn";
    const rows = ["2024-03-04", "2024-03-11", "2024-03-18"].map(
      (day) =>
        `LPO Borlänge,Dalarna,Borlänge,2081,2081A0010,1201,"Skadegörelse, på motorfordon, ej genom brand",2024,202403,${day},${day},${day},1,Brottsstatistik_Borlänge_202403.csv,Tolsbo 2`,
    );
    fs.writeFileSync(deliveryFile, [header, ...rows].join("\n"));
    app = await startApp();
    const admin = await login(app.url, "admin@borlange.example");
    token = (
      await trpc<{ token: string }>(app.url, "workspace.createApiToken", { name: "cron" }, admin, "POST")
    ).token;
  }, 120_000);

  afterAll(async () => {
    if (app?.child.exitCode === null) await stop(app.child, "SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(deliveryFile, { force: true });
  });

  const importArgs = () => ["police-delivery", "--workspace", "est-borlange", "--file", deliveryFile];

  it("refuses an import without a token, with a clear message and a failing exit status", async () => {
    const result = await run("import.ts", importArgs());
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("importnyckel");
    expect(result.stderr).toContain(app.url);
    const wrong = await run("import.ts", importArgs(), { EST_IMPORT_TOKEN: "est_not-a-real-token" });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain("Importnyckeln är okänd eller återkallad");
    const analyst = await login(app.url, "analytiker@borlange.example");
    expect(await marchVandalism(app.url, analyst)).toBe(0);
  });

  it("hands the file to the running app, which shows it at once", async () => {
    const result = await run("import.ts", importArgs(), { EST_IMPORT_TOKEN: token });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("3 rader, 1 leveranser (via appen på");
    const analyst = await login(app.url, "analytiker@borlange.example");
    expect(await marchVandalism(app.url, analyst)).toBe(3);
  });

  it("reports a bad file's rows from the app and writes nothing", async () => {
    const bad = path.join(dataDir, "bad.csv");
    fs.writeFileSync(bad, "Kommunkod;desokod\n2081;2081A0010\n");
    const result = await run("import.ts", ["police-delivery", "--workspace", "est-borlange", "--file", bad], {
      EST_IMPORT_TOKEN: token,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/rad 1, kolumn Brottskod: kolumnen saknas/);
  });

  it("refuses a second app and a database reset on the same folder, naming the first", async () => {
    const second = await run("start.ts");
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`process ${app.child.pid}`);
    expect(second.stderr).toContain(app.url);
    const reset = await run("db.ts", ["reset"]);
    expect(reset.status).toBe(1);
    expect(reset.stderr).toContain("används redan av EST Lägesbild");
    expect(readLock()?.pid).toBe(app.child.pid);
  });

  it("keeps the import after a clean restart, and releases the folder on stop", async () => {
    await stop(app.child, "SIGTERM");
    expect(readLock()).toBeNull();
    app = await startApp();
    expect(app.output.stderr).not.toContain("stängdes inte ordentligt");
    expect(await marchVandalism(app.url, await login(app.url, "analytiker@borlange.example"))).toBe(3);
  }, 60_000);

  it("opens a folder whose app was killed with SIGKILL, and says it was not shut down cleanly", async () => {
    const killedPid = app.child.pid;
    await stop(app.child, "SIGKILL");
    expect(readLock()?.pid).toBe(killedPid);
    app = await startApp();
    expect(app.output.stderr).toContain("stängdes inte ordentligt");
    expect(app.output.stderr).toContain(`process ${killedPid}`);
    expect(await marchVandalism(app.url, await login(app.url, "analytiker@borlange.example"))).toBe(3);
  }, 60_000);

  it("imports directly when no app holds the folder", async () => {
    await stop(app.child, "SIGTERM");
    const result = await run("import.ts", importArgs());
    expect(result.status).toBe(0);
    // The same delivery again: it replaces what it held, so nothing changes and nothing is handed over.
    expect(result.stdout).toContain("3 rader, 1 leveranser (");
    expect(result.stdout).not.toContain("via appen");
    expect(readLock()).toBeNull();
  }, 60_000);
});

describe("a real installation (SEED_DEMO=0)", () => {
  it("starts empty: no demo workspace and no demo users with the published password", async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "est-empty-"));
    const app = start("start.ts", [], { DATA_DIR: emptyDir, SEED_DEMO: "0" });
    try {
      let url: string | undefined;
      for (let waited = 0; waited < 60_000 && !url; waited += 200) {
        const lockFile = path.join(emptyDir, "est.lock");
        const holder = fs.existsSync(lockFile)
          ? (JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockHolder)
          : null;
        url = holder && holder.pid === app.child.pid ? holder.url : undefined;
        if (app.child.exitCode !== null) throw new Error(`The app stopped: ${app.output.stderr}`);
        if (!url) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(url).toBeDefined();
      const response = await fetch(`${url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@borlange.example", password: "est-demo-2026" }),
      });
      expect(response.status).toBe(401);
      expect(app.output.stdout).not.toContain("Demoarbetsytan");
    } finally {
      await stop(app.child, "SIGTERM");
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 90_000);
});
