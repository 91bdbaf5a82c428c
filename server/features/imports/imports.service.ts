import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";

const batchSelect = {
  id: true,
  kind: true,
  fileName: true,
  fileHash: true,
  status: true,
  rowCount: true,
  errorCount: true,
  errors: true,
  summary: true,
  startedAt: true,
  finishedAt: true,
  undoneAt: true,
  dataSourceId: true,
  dataSource: { select: { name: true } },
} as const;

/** The import history: who imported what, when, the file's hash, rows, errors and what changed. */
export async function listImportBatches({ db, workspaceId }: { db: Db; workspaceId: string }) {
  const batches = await db.importBatch.findMany({
    where: { workspaceId },
    select: { ...batchSelect, userId: true },
    orderBy: { startedAt: "desc" },
    take: 200,
  });
  const users = await db.user.findMany({
    where: { id: { in: batches.map((b) => b.userId).filter((id): id is string => Boolean(id)) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  // Only the latest completed import of each source can be undone (see undoImportBatch).
  const latest = new Set<string>();
  const sourcesSeen = new Set<string>();
  for (const batch of batches) {
    if (batch.status !== "completed" || sourcesSeen.has(batch.dataSourceId)) continue;
    sourcesSeen.add(batch.dataSourceId);
    latest.add(batch.id);
  }
  return batches.map(({ userId, dataSourceId: _source, ...batch }) => ({
    ...batch,
    undoable: latest.has(batch.id),
    userName: userId ? (nameOf.get(userId) ?? null) : null,
  }));
}

/**
 * Undoes a batch: removes the incidents or survey results it wrote or changed and restores what it
 * replaced (a police delivery's or survey's earlier rows). Only the latest completed import of a data source can be undone, so
 * undo is exact: a later import may have built on this one's rows.
 */
export async function undoImportBatch({
  db,
  workspaceId,
  batchId,
  userId = null,
}: {
  db: Db;
  workspaceId: string;
  batchId: string;
  userId?: string | null;
}) {
  const batch = await db.importBatch.findUnique({
    where: { workspaceId_id: { workspaceId, id: batchId } },
    select: { status: true, dataSourceId: true, startedAt: true },
  });
  if (!batch) throw new AppError("NOT_FOUND", "No such import");
  if (batch.status !== "completed")
    throw new AppError("CONFLICT", { reason: "IMPORT_NOT_COMPLETED", params: { status: batch.status } });
  return db.$transaction(async (tx) => {
    const later = await tx.importBatch.findFirst({
      where: {
        workspaceId,
        dataSourceId: batch.dataSourceId,
        status: "completed",
        startedAt: { gt: batch.startedAt },
      },
      select: { fileName: true },
    });
    if (later)
      throw new AppError("CONFLICT", {
        reason: "UNDO_LATER_IMPORT_FIRST",
        params: { fileName: later.fileName ?? "" },
      });
    const { count } = await tx.incident.deleteMany({ where: { workspaceId, importBatchId: batchId } });
    const restored = await tx.$executeRaw`
      INSERT INTO incidents (workspace_id, data_source_id, external_id, import_batch_id, category_id, area_id,
        occurred_from, occurred_to, time_known, registered_at, registered_on, occurred_on, count, lon, lat, point_precision, description)
      SELECT workspace_id, data_source_id, external_id, import_batch_id, category_id, area_id, occurred_from,
        occurred_to, time_known, registered_at, registered_on, occurred_on, count, lon, lat, point_precision, description
      FROM replaced_incidents WHERE workspace_id = ${workspaceId}::uuid AND replaced_by_batch_id = ${batchId}::uuid`;
    await tx.replacedIncident.deleteMany({ where: { workspaceId, replacedByBatchId: batchId } });
    const surveyRows = await tx.surveyResult.deleteMany({ where: { workspaceId, importBatchId: batchId } });
    const surveyRestored = await tx.$executeRaw`
      INSERT INTO survey_results (workspace_id, data_source_id, indicator, area_id, year, unit, value, lower, upper,
        respondents, import_batch_id)
      SELECT workspace_id, data_source_id, indicator, area_id, year, unit, value, lower, upper, respondents, import_batch_id
      FROM replaced_survey_results WHERE workspace_id = ${workspaceId}::uuid AND replaced_by_batch_id = ${batchId}::uuid`;
    await tx.$executeRaw`DELETE FROM replaced_survey_results
      WHERE workspace_id = ${workspaceId}::uuid AND replaced_by_batch_id = ${batchId}::uuid`;
    await tx.importBatch.update({
      where: { workspaceId_id: { workspaceId, id: batchId } },
      data: { status: "undone", undoneAt: new Date() },
    });
    await recordAudit(tx, {
      workspaceId,
      userId,
      action: "import_undone",
      target: { type: "import_batch", id: batchId },
      details: { count: count + surveyRows.count },
    });
    return { removed: count + surveyRows.count, restored: restored + surveyRestored };
  });
}

export async function listPartnerSources({ db, workspaceId }: { db: Db; workspaceId: string }) {
  return db.dataSource.findMany({
    where: { workspaceId, kind: "partner_reports" },
    select: { id: true, name: true, columnMapping: true },
    orderBy: { name: "asc" },
  });
}

export async function createPartnerSource({
  db,
  workspaceId,
  name,
}: {
  db: Db;
  workspaceId: string;
  name: string;
}) {
  return db.dataSource.create({
    data: { workspaceId, kind: "partner_reports", name },
    select: { id: true, name: true, columnMapping: true },
  });
}
