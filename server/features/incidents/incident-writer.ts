import { randomBytes } from "node:crypto";
import { toLocalDate } from "../../../shared/calendar.ts";
import { quoteIdentifier, type RawDriver } from "../../db/adapter.ts";
import { type Db, rawDriverOf } from "../../db/client.ts";
import { AppError } from "../../errors.ts";

export type IncidentRow = {
  dataSourceId: string;
  externalId: string;
  categoryId: string;
  areaId: string | null;
  occurredFrom: Date | null;
  occurredTo?: Date | null;
  /** occurredFrom has a time of day, not only a date. */
  timeKnown?: boolean;
  registeredAt: Date;
  count: number;
  lon?: number | null;
  lat?: number | null;
  pointPrecision?: "exact" | "area_centroid" | "kommun_centroid" | null;
  description?: string | null;
};

type Executor = Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** The record every write path produces, in this column order (staging table, JSON, COPY). */
const RECORD_COLUMNS = [
  ["part", "int"],
  ["data_source_id", "uuid"],
  ["external_id", "text"],
  ["category_id", "uuid"],
  ["area_id", "uuid"],
  ["occurred_from", "timestamptz"],
  ["occurred_to", "timestamptz"],
  ["time_known", "boolean"],
  ["registered_at", "timestamptz"],
  ["registered_on", "date"],
  ["occurred_on", "date"],
  ["count", "int"],
  ["lon", "float8"],
  ["lat", "float8"],
  ["point_precision", "text"],
  ["description", "text"],
] as const;
const RECORD_TYPE = RECORD_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");
const UPDATED = [
  "category_id",
  "area_id",
  "occurred_from",
  "occurred_to",
  "time_known",
  "registered_at",
  "registered_on",
  "occurred_on",
  "count",
  "lon",
  "lat",
  "point_precision",
  "description",
];

type RecordValue = string | number | boolean | null;

/** Local dates are derived here, so every writer stores them the same way. */
function toRecord(row: IncidentRow, timeZone: string, part: number): RecordValue[] {
  return [
    part,
    row.dataSourceId,
    row.externalId,
    row.categoryId,
    row.areaId,
    row.occurredFrom?.toISOString() ?? null,
    row.occurredTo?.toISOString() ?? null,
    row.timeKnown ?? false,
    row.registeredAt.toISOString(),
    toLocalDate(row.registeredAt, timeZone),
    row.occurredFrom ? toLocalDate(row.occurredFrom, timeZone) : null,
    row.count,
    row.lon ?? null,
    row.lat ?? null,
    row.pointPrecision ?? null,
    row.description ?? null,
  ];
}

/**
 * Writes the records a FROM item yields (`r`, with RECORD_COLUMNS) into incidents, within the
 * caller's transaction. References are checked set-wise first (incidents carry no row-level
 * foreign keys: docs/decisions/007). Rows whose (source, external id) exist are updated only when
 * something changed, so repeating an import writes nothing and keeps each row's batch.
 */
async function publish(
  db: Executor,
  workspaceId: string,
  from: string,
  params: unknown[],
  options: { importBatchId: string | null; archiveChanged: boolean; fresh?: boolean },
) {
  const { importBatchId } = options;
  const [check] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${from}
       LEFT JOIN categories c ON c.workspace_id = $1::uuid AND c.id = r.category_id
       LEFT JOIN areas a ON a.workspace_id = $1::uuid AND a.id = r.area_id
       LEFT JOIN data_sources s ON s.workspace_id = $1::uuid AND s.id = r.data_source_id
     WHERE c.id IS NULL OR (r.area_id IS NOT NULL AND a.id IS NULL) OR s.id IS NULL`,
    workspaceId,
    ...params,
  );
  if ((check?.n ?? 0) > 0)
    throw new AppError("CONFLICT", {
      reason: "INCIDENT_REFERENCES_GONE",
      params: { count: String(check?.n) },
    });
  const batchParam = `$${params.length + 2}::uuid`;
  if (options.archiveChanged && importBatchId && !options.fresh) {
    // The versions this import changes are kept with it, so undoing it restores them.
    await db.$executeRawUnsafe(
      `INSERT INTO replaced_incidents (workspace_id, replaced_by_batch_id, data_source_id, external_id, import_batch_id,
         ${UPDATED.join(", ")})
       SELECT i.workspace_id, ${batchParam}, i.data_source_id, i.external_id, i.import_batch_id,
         ${UPDATED.map((c) => `i.${c}`).join(", ")}
       FROM ${from} JOIN incidents i ON i.workspace_id = $1::uuid AND i.data_source_id = r.data_source_id
         AND i.external_id = r.external_id
       WHERE i.import_batch_id IS DISTINCT FROM ${batchParam}
         AND (${UPDATED.filter((c) => c !== "point_precision")
           .map((c) => `i.${c}`)
           .join(", ")}, i.point_precision::text)
         IS DISTINCT FROM (${UPDATED.filter((c) => c !== "point_precision")
           .map((c) => `r.${c}`)
           .join(", ")}, r.point_precision)
       ON CONFLICT DO NOTHING`,
      workspaceId,
      ...params,
      importBatchId,
    );
  }
  return db.$executeRawUnsafe(
    `INSERT INTO incidents (workspace_id, data_source_id, external_id, import_batch_id, ${UPDATED.join(", ")})
     SELECT $1::uuid, r.data_source_id, r.external_id, ${batchParam},
       ${UPDATED.map((c) => (c === "point_precision" ? `r.${c}::"PointPrecision"` : `r.${c}`)).join(", ")}
     FROM ${from}
     ${
       // Nothing there yet: a plain insert (a row that exists after all fails the whole write).
       options.fresh
         ? ""
         : `ON CONFLICT (workspace_id, data_source_id, external_id) DO UPDATE SET
       import_batch_id = EXCLUDED.import_batch_id, ${UPDATED.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}
     WHERE (${UPDATED.map((c) => `incidents.${c}`).join(", ")}) IS DISTINCT FROM (${UPDATED.map((c) => `EXCLUDED.${c}`).join(", ")})`
     }`,
    workspaceId,
    ...params,
    importBatchId,
  );
}

const JSON_CHUNK = 5000;

/**
 * Writes a few thousand rows at most (a report, an events file): one multi-row statement per
 * 5,000 rows through a JSON parameter, the same on PGlite and PostgreSQL, inside the caller's
 * transaction. Bulk loads use stageIncidents + publishStagedIncidents.
 */
export async function insertIncidents(
  db: Executor,
  workspaceId: string,
  rows: readonly IncidentRow[],
  timeZone: string,
  options: { importBatchId?: string } = {},
) {
  let written = 0;
  for (let offset = 0; offset < rows.length; offset += JSON_CHUNK) {
    const records = rows
      .slice(offset, offset + JSON_CHUNK)
      .map((row) =>
        Object.fromEntries(toRecord(row, timeZone, 0).map((value, i) => [RECORD_COLUMNS[i]?.[0], value])),
      );
    written += await publish(
      db,
      workspaceId,
      `json_to_recordset($2::json) AS r(${RECORD_TYPE})`,
      [JSON.stringify(records)],
      { importBatchId: options.importBatchId ?? null, archiveChanged: Boolean(options.importBatchId) },
    );
  }
  return written;
}

export type StagedIncidents = { table: string; rows: number; drop(): Promise<void> };

function csvCell(value: RecordValue): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return /[",\r\n]/.test(value) || value === "" ? `"${value.replaceAll('"', '""')}"` : value;
}

const COPY_CHUNK = 20_000;
const STAGE_PREFIX = "import_stage_";
/** The imports' scratch tables: staged rows, a police file as it is, the windows a file replaces. */
const SCRATCH_PREFIXES = [STAGE_PREFIX, "import_raw_", "import_windows_"] as const;
export type ScratchPrefix = (typeof SCRATCH_PREFIXES)[number];

/** A scratch table's name carries its creation time, so one left by a killed process can be told apart. */
export function scratchTableName(prefix: ScratchPrefix = STAGE_PREFIX) {
  return `${prefix}${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;
}
const stagingTableName = () => scratchTableName(STAGE_PREFIX);

/**
 * Drops staging tables that no running import can still use: those left by a process killed
 * mid-import (they hold no published row: publishing happens in the import's transaction).
 * `olderThanMs` 0 drops them all (the embedded database, whose folder this process holds alone);
 * on PostgreSQL another process may be importing, so only tables older than any import can run.
 */
export async function dropOrphanedStagingTables(driver: RawDriver, olderThanMs: number): Promise<number> {
  const tables = await driver.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE ANY($1)`,
    [SCRATCH_PREFIXES.map((prefix) => `${prefix.replaceAll("_", "\\_")}%`)],
  );
  const now = Date.now();
  let dropped = 0;
  for (const { name } of tables) {
    const prefix = SCRATCH_PREFIXES.find((candidate) => name.startsWith(candidate)) ?? STAGE_PREFIX;
    const createdAt = Number.parseInt(name.slice(prefix.length).split("_")[0] ?? "", 36);
    // A name without a time (made before times were added) is old by definition.
    const isOld = !name.slice(prefix.length).includes("_") || now - createdAt >= olderThanMs;
    if (!isOld) continue;
    await driver.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    dropped++;
  }
  return dropped;
}

/**
 * Bulk path, step 1: the rows go into an unlogged staging table by COPY (PostgreSQL's COPY FROM
 * STDIN, PGlite's COPY FROM a blob), outside any transaction: nothing is visible to the
 * dashboard until publishStagedIncidents copies them into incidents inside the import's
 * transaction. `partOf` groups rows (for example per delivery) so they can be published apart.
 * Call drop() when done, whatever happened.
 */
export async function stageIncidents<Row extends IncidentRow>(
  db: Db,
  rows: readonly Row[],
  timeZone: string,
  partOf: (row: Row) => number = () => 0,
): Promise<StagedIncidents> {
  const driver = rawDriverOf(db);
  const table = quoteIdentifier(stagingTableName());
  await driver.exec(`CREATE UNLOGGED TABLE ${table} (${RECORD_TYPE})`);
  const drop = () => driver.exec(`DROP TABLE IF EXISTS ${table}`);
  try {
    const chunks = function* () {
      for (let offset = 0; offset < rows.length; offset += COPY_CHUNK) {
        let text = "";
        for (const row of rows.slice(offset, offset + COPY_CHUNK))
          text += `${toRecord(row, timeZone, partOf(row)).map(csvCell).join(",")}\n`;
        yield text;
      }
    };
    await driver.copyFrom(`COPY ${table} FROM STDIN (FORMAT csv)`, chunks());
    // Replace steps look staged rows up by id: an index keeps that a lookup, not a scan per row.
    await driver.exec(`CREATE INDEX ON ${table} (part, data_source_id, external_id)`);
    // Statistics for the planner: without them it may loop over the staging table per row.
    await driver.exec(`ANALYZE ${table}`);
    return { table, rows: rows.length, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * Bulk path, step 2: the staged rows (of one part or round, or all) into incidents, in the
 * caller's transaction. archiveChanged keeps the versions it changes for undo (a batch never
 * archives its own rows).
 */
export async function publishStagedIncidents(
  tx: Executor,
  workspaceId: string,
  staged: StagedIncidents,
  options: {
    importBatchId: string | null;
    archiveChanged: boolean;
    part?: number;
    round?: number;
    /** The caller knows none of the rows exists yet (so nothing to archive or update). */
    fresh?: boolean;
  },
) {
  // The aggregate trigger groups every written row: in memory, not in batches on disk.
  await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
  if (options.round !== undefined)
    return publish(
      tx,
      workspaceId,
      `(SELECT * FROM ${staged.table} WHERE round = $2) r`,
      [options.round],
      options,
    );
  return options.part === undefined
    ? publish(tx, workspaceId, `${staged.table} r`, [], options)
    : publish(tx, workspaceId, `(SELECT * FROM ${staged.table} WHERE part = $2) r`, [options.part], options);
}
