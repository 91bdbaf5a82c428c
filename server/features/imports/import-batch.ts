import { createHash } from "node:crypto";
import type { Db, Transaction } from "../../db/client.ts";
import type { DataSourceKind } from "../../generated/prisma/enums.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { ImportIssue } from "./import-errors.ts";

/** Who an import acts for, for its audit entry, and how the file came when not through the app. */
export type ImportActor = {
  userId?: string | null;
  via?: "token" | "command";
  /** The import token that handed the file over (via "token"). */
  apiTokenId?: string;
};

export type ImportFileOptions = ImportActor & {
  db: Db;
  workspaceId: string;
  timeZone: string;
  userId: string | null;
  fileName: string;
  content: Buffer | string;
  /** Milliseconds spent per step, added up here when given (the bench reports where time goes). */
  profile?: Record<string, number>;
};

/** An importer's options from a workspace procedure's scope: the workspace, its time zone and who imports. */
export function importerOptionsOf({ db, workspace, actor }: ServiceScope) {
  return { db, workspaceId: workspace.id, timeZone: workspace.timezone, userId: actor.userId };
}

/** The audit entry of a completed import, written in the import's own transaction (decisions/018). */
export function recordImportAudit(
  tx: Transaction,
  options: ImportActor & { workspaceId: string },
  imported: { kind: string; count: number; batchId?: string },
) {
  return recordAudit(tx, {
    workspaceId: options.workspaceId,
    userId: options.userId ?? null,
    action: "import_completed",
    target: imported.batchId ? { type: "import_batch", id: imported.batchId } : { type: "import", id: null },
    details: {
      kind: imported.kind,
      count: imported.count,
      ...(options.via ? { via: options.via } : {}),
      ...(options.apiTokenId ? { apiTokenId: options.apiTokenId } : {}),
    },
  });
}

export function fileHashOf(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** The workspace's data source of a kind, created on first use. */
export async function ensureDataSource(db: Db, workspaceId: string, kind: DataSourceKind, name: string) {
  const existing = await db.dataSource.findFirst({ where: { workspaceId, kind }, select: { id: true } });
  return existing ?? db.dataSource.create({ data: { workspaceId, kind, name }, select: { id: true } });
}

/**
 * Runs an import's writes in one transaction with its history row: the batch is recorded as
 * completed with `write`'s summary, or (on any error) nothing of it remains.
 */
export async function runImportBatch<Summary>(
  options: ImportFileOptions & { dataSourceId: string; kind: string; rowCount: number },
  write: (tx: Transaction, batchId: string) => Promise<Summary>,
) {
  const { db, workspaceId } = options;
  return db.$transaction(
    async (tx) => {
      const batch = await tx.importBatch.create({
        data: {
          workspaceId,
          dataSourceId: options.dataSourceId,
          userId: options.userId,
          kind: options.kind,
          fileName: options.fileName,
          fileHash: fileHashOf(options.content),
          rowCount: options.rowCount,
        },
      });
      const summary = await write(tx, batch.id);
      await recordImportAudit(tx, options, {
        kind: options.kind,
        count: options.rowCount,
        batchId: batch.id,
      });
      const completed = await tx.importBatch.update({
        where: { workspaceId_id: { workspaceId, id: batch.id } },
        data: { status: "completed", finishedAt: new Date(), summary: summary as object },
        select: { id: true, rowCount: true, fileHash: true },
      });
      return { ...completed, summary };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** A rejected file is kept in the history too, with its first problems, so the attempt is visible. */
export async function recordRejectedImport(
  options: ImportFileOptions & { dataSourceId: string; kind: string },
  issues: ImportIssue[],
  total: number,
) {
  await options.db.importBatch.create({
    data: {
      workspaceId: options.workspaceId,
      dataSourceId: options.dataSourceId,
      userId: options.userId,
      kind: options.kind,
      fileName: options.fileName,
      fileHash: fileHashOf(options.content),
      status: "failed",
      errorCount: total,
      errors: issues,
      finishedAt: new Date(),
    },
  });
}
