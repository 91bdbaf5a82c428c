import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { importAreasGeoJson, importPopulation } from "../areas/areas.import.ts";
import { importCrimeCodeKey } from "../categories/crime-codes.import.ts";
import { importPoliceDelivery } from "../incidents/police-delivery.ts";
import { importPoliceEvents } from "../incidents/police-events.ts";

/** The imports a scheduled job runs, from the command line or handed to the running app. */
export const IMPORT_JOB_KINDS = [
  "police-delivery",
  "police-events",
  "crime-codes",
  "areas",
  "population",
] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];

/** The options beside the file, as the command line names them; the same names travel over HTTP. */
export const ImportJobOptionsSchema = z.object({
  kind: z.enum(["deso", "regso", "district", "subarea"]).default("deso"),
  code: z.string().min(1).max(100).optional(),
  name: z.string().min(1).max(100).optional(),
  "parent-code": z.string().min(1).max(100).optional(),
  "parent-name": z.string().min(1).max(100).optional(),
  "valid-from": z.iso.date().optional(),
  year: z.string().min(1).max(100).optional(),
  population: z.string().min(1).max(100).optional(),
});
export type ImportJobOptions = z.input<typeof ImportJobOptionsSchema>;

export type ImportJob = {
  db: Db;
  workspace: { id: string; timezone: string };
  userId: string | null;
  /** The import token that handed the file to the running app; without it, the command line ran it. */
  apiTokenId?: string;
  kind: ImportJobKind;
  fileName: string;
  content: Buffer;
  options: ImportJobOptions;
};

/** Runs one file's import (all-or-nothing, as in the UI) and says in one line what it did. */
export async function runImportJob(job: ImportJob): Promise<{ message: string; result: unknown }> {
  const { db, workspace, userId, fileName, content } = job;
  const options = ImportJobOptionsSchema.parse(job.options);
  const actor = job.apiTokenId
    ? { userId, via: "token" as const, apiTokenId: job.apiTokenId }
    : { userId, via: "command" as const };
  const base = { db, workspaceId: workspace.id, timeZone: workspace.timezone, fileName, content, ...actor };
  switch (job.kind) {
    case "police-delivery": {
      const batch = await importPoliceDelivery(base);
      return {
        message: `${batch.rowCount} rader, ${(batch.summary as unknown[]).length} leveranser`,
        result: { batchId: batch.id, rowCount: batch.rowCount },
      };
    }
    case "police-events": {
      const batch = await importPoliceEvents(base);
      return {
        message: JSON.stringify(batch.summary),
        result: { batchId: batch.id, summary: batch.summary },
      };
    }
    case "crime-codes": {
      const result = await importCrimeCodeKey({ db, workspaceId: workspace.id, content, ...actor });
      return { message: JSON.stringify(result), result };
    }
    case "areas": {
      const result = await importAreasGeoJson({
        db,
        workspaceId: workspace.id,
        content,
        ...actor,
        kind: options.kind,
        codeProperty: options.code ?? "desokod",
        nameProperty: options.name,
        parentCodeProperty: options["parent-code"],
        parentNameProperty: options["parent-name"],
        validFrom: options["valid-from"],
      });
      return { message: JSON.stringify(result), result };
    }
    case "population": {
      const result = await importPopulation({
        db,
        workspaceId: workspace.id,
        content,
        ...actor,
        codeColumn: options.code ?? "desokod",
        yearColumn: options.year ?? "år",
        populationColumn: options.population ?? "bef",
      });
      return { message: JSON.stringify(result), result };
    }
  }
}
