import {
  type ColumnMapping,
  ColumnMappingSchema,
  type ImportHistory,
  type ImportIssue,
  ImportIssueSchema,
} from "../../../shared/schemas/imports.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
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
export async function listImportBatches({ db, workspace }: ServiceScope): Promise<ImportHistory> {
  const workspaceId = workspace.id;
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
  return batches.map(({ userId, dataSourceId: _source, errors, summary, ...batch }) => ({
    ...batch,
    errors: issuesOf(errors),
    // Prisma's JSON types are read-only where zod's are not; the value is the same JSON.
    summary: summary as ImportHistory[number]["summary"],
    undoable: latest.has(batch.id),
    userName: userId ? (nameOf.get(userId) ?? null) : null,
  }));
}

/** The stored first problems of a refused file; a row written otherwise by hand reads as none. */
function issuesOf(stored: unknown): ImportIssue[] | null {
  const parsed = ImportIssueSchema.array().safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * Undoes a batch: removes the incidents or survey results it wrote or changed and restores what it
 * replaced (a police delivery's or survey's earlier rows). Only the latest completed import of a data source can be undone, so
 * undo is exact: a later import may have built on this one's rows.
 */
export async function undoImportBatch({ db, workspace, actor }: ServiceScope, batchId: string) {
  const workspaceId = workspace.id;
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
      userId: actor.userId,
      action: "import_undone",
      target: { type: "import_batch", id: batchId },
      details: { count: count + surveyRows.count },
    });
    return { removed: count + surveyRows.count, restored: restored + surveyRestored };
  });
}

const partnerSourceSelect = { id: true, name: true, columnMapping: true } as const;

/** A source's last column mapping, read back through its schema: one that no longer fits is none. */
function mappingOf<Source extends { columnMapping: unknown }>(source: Source) {
  const parsed = ColumnMappingSchema.safeParse(source.columnMapping);
  return { ...source, columnMapping: parsed.success ? parsed.data : (null as ColumnMapping | null) };
}

export async function listPartnerSources({ db, workspace }: ServiceScope) {
  const sources = await db.dataSource.findMany({
    where: { workspaceId: workspace.id, kind: "partner_reports" },
    select: partnerSourceSelect,
    orderBy: { name: "asc" },
  });
  return sources.map(mappingOf);
}

export async function createPartnerSource({ db, workspace }: ServiceScope, input: { name: string }) {
  const source = await db.dataSource.create({
    data: { workspaceId: workspace.id, kind: "partner_reports", name: input.name },
    select: partnerSourceSelect,
  });
  return mappingOf(source);
}
