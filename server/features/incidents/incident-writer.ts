import { toLocalDate } from "../../../shared/calendar.ts";
import type { Db } from "../../db/client.ts";

export type IncidentRow = {
  dataSourceId: string;
  externalId: string;
  categoryId: string;
  areaId: string | null;
  occurredFrom: Date | null;
  occurredTo?: Date | null;
  registeredAt: Date;
  count: number;
  lon?: number | null;
  lat?: number | null;
  pointPrecision?: "exact" | "area_centroid" | "kommun_centroid" | null;
  description?: string | null;
  importBatchId?: string | null;
};

type Executor = Pick<Db, "$executeRawUnsafe">;
const CHUNK = 5000;

/**
 * Bulk insert: one multi-row INSERT … SELECT FROM json_to_recordset per 5,000 rows instead of an ORM
 * call per row. Local dates are derived here, so every writer stores them the same way.
 * Rows whose (source, external id) already exist are updated, so re-running is safe.
 */
export async function insertIncidents(
  db: Executor,
  workspaceId: string,
  rows: readonly IncidentRow[],
  timeZone: string,
) {
  let written = 0;
  for (let offset = 0; offset < rows.length; offset += CHUNK) {
    const chunk = rows.slice(offset, offset + CHUNK);
    // One JSON parameter expands to rows in SQL: the same fast path on PGlite and PostgreSQL,
    // whose drivers disagree on how array parameters are sent.
    const payload = chunk.map((r) => ({
      data_source_id: r.dataSourceId,
      external_id: r.externalId,
      category_id: r.categoryId,
      area_id: r.areaId,
      occurred_from: r.occurredFrom?.toISOString() ?? null,
      occurred_to: r.occurredTo?.toISOString() ?? null,
      registered_at: r.registeredAt.toISOString(),
      registered_on: toLocalDate(r.registeredAt, timeZone),
      occurred_on: r.occurredFrom ? toLocalDate(r.occurredFrom, timeZone) : null,
      count: r.count,
      lon: r.lon ?? null,
      lat: r.lat ?? null,
      point_precision: r.pointPrecision ?? null,
      description: r.description ?? null,
      import_batch_id: r.importBatchId ?? null,
    }));
    written += await db.$executeRawUnsafe(
      `INSERT INTO incidents (workspace_id, data_source_id, external_id, category_id, area_id, occurred_from,
         occurred_to, registered_at, registered_on, occurred_on, count, lon, lat, point_precision, description, import_batch_id)
       SELECT $1::uuid, r.data_source_id, r.external_id, r.category_id, r.area_id, r.occurred_from, r.occurred_to,
         r.registered_at, r.registered_on, r.occurred_on, r.count, r.lon, r.lat, r.point_precision::"PointPrecision",
         r.description, r.import_batch_id
       FROM json_to_recordset($2::json) AS r(data_source_id uuid, external_id text, category_id uuid, area_id uuid,
         occurred_from timestamptz, occurred_to timestamptz, registered_at timestamptz, registered_on date,
         occurred_on date, count int, lon float8, lat float8, point_precision text, description text, import_batch_id uuid)
       ON CONFLICT (workspace_id, data_source_id, external_id) DO UPDATE SET
         category_id = EXCLUDED.category_id, area_id = EXCLUDED.area_id, occurred_from = EXCLUDED.occurred_from,
         occurred_to = EXCLUDED.occurred_to, registered_at = EXCLUDED.registered_at, registered_on = EXCLUDED.registered_on,
         occurred_on = EXCLUDED.occurred_on, count = EXCLUDED.count, lon = EXCLUDED.lon, lat = EXCLUDED.lat,
         point_precision = EXCLUDED.point_precision, description = EXCLUDED.description,
         import_batch_id = EXCLUDED.import_batch_id`,
      workspaceId,
      JSON.stringify(payload),
    );
  }
  return written;
}
