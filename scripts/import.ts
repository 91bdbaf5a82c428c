import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectDb } from "../server/db/client.ts";
import { readEnv } from "../server/env.ts";
import { importAreasGeoJson, importPopulation } from "../server/features/imports/areas.ts";
import { importCrimeCodeKey } from "../server/features/imports/crime-codes.ts";
import { ImportRejectedError } from "../server/features/imports/import-errors.ts";
import { importPoliceDelivery } from "../server/features/imports/police-delivery.ts";
import { importPoliceEvents } from "../server/features/imports/police-events.ts";

const USAGE = `Usage: npm run import -- <kind> --workspace <slug> --file <path> [options]
  workspace        --workspace slug --name "EST Name" [--anchor 2024-01-08]   create a workspace
  police-delivery  --file F [--file F2 …]                                       police crime deliveries (CSV)
  police-events    --file events.json                                           the Police events API's JSON
  crime-codes      --file brott_niva_nyckel.csv                                 crime-code hierarchy
  areas            --file F.geojson --kind deso --code desokod [--name P] [--parent-code Kommunkod --parent-name Kommunnamn] [--valid-from 2025-01-01]
  population       --file F.csv --code desokod --year år --population bef`;

// Scheduled jobs run imports from here; every import is validated whole and is all-or-nothing.
async function main() {
  const [kind, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      workspace: { type: "string" },
      file: { type: "string", multiple: true },
      name: { type: "string" },
      anchor: { type: "string" },
      kind: { type: "string" },
      code: { type: "string" },
      "parent-code": { type: "string" },
      "parent-name": { type: "string" },
      "valid-from": { type: "string" },
      year: { type: "string" },
      population: { type: "string" },
    },
  });
  if (!kind || !values.workspace) throw new Error(USAGE);
  const env = readEnv();
  const handle = await connectDb(
    { databaseUrl: env.DATABASE_URL, pgliteDir: env.pgliteDir },
    { migrate: true },
  );
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
      return;
    }
    const workspace = await db.workspace.findUnique({
      where: { slug: values.workspace },
      select: { id: true, timezone: true },
    });
    if (!workspace) throw new Error(`No workspace "${values.workspace}"`);
    const files = values.file ?? [];
    if (files.length === 0) throw new Error(USAGE);
    for (const file of files) {
      const content = fs.readFileSync(file);
      const started = Date.now();
      let result: unknown;
      if (kind === "police-delivery") {
        const batch = await importPoliceDelivery({
          db,
          workspaceId: workspace.id,
          timeZone: workspace.timezone,
          userId: null,
          fileName: path.basename(file),
          content,
        });
        result = `${batch.rowCount} rader, ${(batch.summary as unknown[]).length} leveranser`;
      } else if (kind === "police-events") {
        const batch = await importPoliceEvents({
          db,
          workspaceId: workspace.id,
          timeZone: workspace.timezone,
          userId: null,
          fileName: path.basename(file),
          content,
        });
        result = batch.summary;
      } else if (kind === "crime-codes")
        result = await importCrimeCodeKey({ db, workspaceId: workspace.id, content });
      else if (kind === "areas") {
        result = await importAreasGeoJson({
          db,
          workspaceId: workspace.id,
          content,
          kind: (values.kind ?? "deso") as "deso",
          codeProperty: values.code ?? "desokod",
          nameProperty: values.name,
          parentCodeProperty: values["parent-code"],
          parentNameProperty: values["parent-name"],
          validFrom: values["valid-from"],
        });
      } else if (kind === "population") {
        result = await importPopulation({
          db,
          workspaceId: workspace.id,
          content,
          codeColumn: values.code ?? "desokod",
          yearColumn: values.year ?? "år",
          populationColumn: values.population ?? "bef",
        });
      } else throw new Error(USAGE);
      console.log(
        `${path.basename(file)}: ${typeof result === "string" ? result : JSON.stringify(result)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ImportRejectedError) {
    console.error(error.message);
    for (const issue of error.issues)
      console.error(`  rad ${issue.row}, kolumn ${issue.column}: ${issue.reason}`);
    if (error.issueCount > error.issues.length)
      console.error(`  … och ${error.issueCount - error.issues.length} fel till`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
