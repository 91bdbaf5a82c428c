import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";

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
  return batches.map(({ userId, ...batch }) => ({
    ...batch,
    userName: userId ? (nameOf.get(userId) ?? null) : null,
  }));
}

/** Removes every incident a batch wrote (its later re-imports included) and marks it undone. */
export async function undoImportBatch({
  db,
  workspaceId,
  batchId,
}: {
  db: Db;
  workspaceId: string;
  batchId: string;
}) {
  const batch = await db.importBatch.findUnique({
    where: { workspaceId_id: { workspaceId, id: batchId } },
    select: { status: true },
  });
  if (!batch) throw new AppError("NOT_FOUND", "No such import");
  if (batch.status !== "completed") throw new AppError("CONFLICT", `Import is ${batch.status}`);
  return db.$transaction(async (tx) => {
    const { count } = await tx.incident.deleteMany({ where: { workspaceId, importBatchId: batchId } });
    await tx.importBatch.update({
      where: { workspaceId_id: { workspaceId, id: batchId } },
      data: { status: "undone", undoneAt: new Date() },
    });
    return { removed: count };
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
