import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DataDirBusyError, type LockHolder, readDataDirLock } from "../server/db/data-dir-lock.ts";
import { openConfiguredDb } from "../server/db/open-configured.ts";
import { type Env, readEnv } from "../server/env.ts";
import { type ImportIssue, ImportRejectedError } from "../server/features/imports/import-errors.ts";
import { FILE_NAME_HEADER, IMPORT_ROUTE } from "../server/features/imports/import-http.ts";
import {
  IMPORT_JOB_KINDS,
  type ImportJobKind,
  type ImportJobOptions,
  runImportJob,
} from "../server/features/imports/import-job.ts";

const USAGE = `Usage: npm run import -- <kind> --workspace <slug> --file <path> [options]
  workspace        --workspace slug --name "EST Name" [--anchor 2024-01-08]   create a workspace
  police-delivery  --file F [--file F2 …]                                       police crime deliveries (CSV)
  police-events    --file events.json                                           the Police events API's JSON
  crime-codes      --file brott_niva_nyckel.csv                                 crime-code hierarchy
  areas            --file F.geojson --kind deso --code desokod [--name P] [--parent-code Kommunkod --parent-name Kommunnamn] [--valid-from 2025-01-01]
  population       --file F.csv --code desokod --year år --population bef
While the app runs on the embedded database, the files are handed to it: give an import token
(Inställningar → Importnycklar) in EST_IMPORT_TOKEN or --token-file.`;

const OPTION_NAMES = [
  "kind",
  "code",
  "name",
  "parent-code",
  "parent-name",
  "valid-from",
  "year",
  "population",
] as const;

class UsageError extends Error {}

function printIssues(message: string, issues: ImportIssue[], issueCount: number) {
  console.error(message);
  for (const issue of issues) console.error(`  rad ${issue.row}, kolumn ${issue.column}: ${issue.reason}`);
  if (issueCount > issues.length) console.error(`  … och ${issueCount - issues.length} fel till`);
}

/** Waits while a starting app has the folder but does not yet listen (it writes its address when it does). */
async function appUrlOf(env: Env, holder: LockHolder): Promise<string | null> {
  for (let waited = 0; waited < 60_000; waited += 500) {
    const current = readDataDirLock(env.DATA_DIR);
    if (!current?.isAlive || current.holder.pid !== holder.pid) return null;
    if (current.holder.url) return current.holder.url;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

function readToken(env: Env, tokenFile: string | undefined): string | null {
  if (tokenFile) return fs.readFileSync(tokenFile, "utf8").trim();
  return env.EST_IMPORT_TOKEN ?? null;
}

/** The app holds the embedded database: each file goes to it and its answer is reported. */
async function handToApp(
  url: string,
  token: string,
  job: { kind: ImportJobKind; workspace: string; files: string[]; options: ImportJobOptions },
): Promise<number> {
  const query = new URLSearchParams(
    Object.entries(job.options).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  for (const file of job.files) {
    const started = Date.now();
    const response = await fetch(`${url}${IMPORT_ROUTE}${job.kind}?${query}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "x-est-workspace": job.workspace,
        [FILE_NAME_HEADER]: encodeURIComponent(path.basename(file)),
        "Content-Type": "application/octet-stream",
      },
      body: fs.readFileSync(file),
    });
    const body = (await response.json()) as {
      message?: string;
      error?: string;
      issues?: ImportIssue[];
      issueCount?: number;
    };
    if (!response.ok) {
      printIssues(
        `${path.basename(file)}: appen på ${url} avvisade importen: ${body.error ?? response.statusText}`,
        body.issues ?? [],
        body.issueCount ?? 0,
      );
      return response.status === 401 || response.status === 403 ? 3 : 1;
    }
    console.log(
      `${path.basename(file)}: ${body.message} (via appen på ${url}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return 0;
}

// Scheduled jobs run imports from here; every import is validated whole and is all-or-nothing.
async function main(): Promise<number> {
  const [kind, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      workspace: { type: "string" },
      file: { type: "string", multiple: true },
      anchor: { type: "string" },
      "token-file": { type: "string" },
      kind: { type: "string" },
      code: { type: "string" },
      name: { type: "string" },
      "parent-code": { type: "string" },
      "parent-name": { type: "string" },
      "valid-from": { type: "string" },
      year: { type: "string" },
      population: { type: "string" },
    },
  });
  if (!kind || !values.workspace) throw new UsageError(USAGE);
  const options = Object.fromEntries(
    OPTION_NAMES.flatMap((name) => (values[name] ? [[name, values[name]]] : [])),
  ) as ImportJobOptions;
  const files = values.file ?? [];
  if (kind !== "workspace") {
    if (!IMPORT_JOB_KINDS.includes(kind as ImportJobKind)) throw new UsageError(USAGE);
    if (files.length === 0) throw new UsageError(USAGE);
    for (const file of files) if (!fs.existsSync(file)) throw new UsageError(`Filen finns inte: ${file}`);
  }
  const env = readEnv();
  let handle: Awaited<ReturnType<typeof openConfiguredDb>>;
  try {
    handle = await openConfiguredDb(env, { role: "import", command: "npm run import", migrate: true });
  } catch (error) {
    if (!(error instanceof DataDirBusyError) || error.holder.role !== "app" || kind === "workspace")
      throw error;
    const url = await appUrlOf(env, error.holder);
    if (!url) throw error;
    const token = readToken(env, values["token-file"]);
    if (!token) {
      console.error(
        `Appen (process ${error.holder.pid}, ${url}) håller den inbäddade databasen i ${env.DATA_DIR}, så filen lämnas till den. ` +
          "Det kräver en importnyckel: en administratör skapar den under Inställningar → Importnycklar. " +
          "Ange den i EST_IMPORT_TOKEN eller med --token-file <fil>.",
      );
      return 3;
    }
    return handToApp(url, token, {
      kind: kind as ImportJobKind,
      workspace: values.workspace,
      files,
      options,
    });
  }
  try {
    const { db } = handle;
    if (kind === "workspace") {
      const workspace = await db.workspace.upsert({
        where: { slug: values.workspace },
        create: {
          slug: values.workspace,
          name: values.name ?? values.workspace,
          meetingAnchorDate: new Date(`${values.anchor ?? "2024-01-08"}T00:00:00Z`),
        },
        update: {},
      });
      console.log(`Arbetsyta ${workspace.slug} (${workspace.name}) finns.`);
      return 0;
    }
    const workspace = await db.workspace.findUnique({
      where: { slug: values.workspace },
      select: { id: true, timezone: true },
    });
    if (!workspace) throw new Error(`Arbetsytan "${values.workspace}" finns inte.`);
    for (const file of files) {
      const started = Date.now();
      const { message } = await runImportJob({
        db,
        workspace,
        userId: null,
        kind: kind as ImportJobKind,
        fileName: path.basename(file),
        content: fs.readFileSync(file),
        options,
      });
      console.log(`${path.basename(file)}: ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof ImportRejectedError) printIssues(error.message, error.issues, error.issueCount);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
