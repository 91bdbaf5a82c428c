import type { AuditAction, AuditDetails, AuditTargetType } from "../../../shared/schemas/audit.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { currentRequestId } from "../../request-context.ts";
import type { ServiceScope } from "../../service-scope.ts";

/** What an action writes to the audit log (docs/decisions/018); who is added from the membership. */
export type AuditEntryInput = {
  /** The workspace the action happened in; null only for what belongs to none (a failed sign-in). */
  workspaceId: string | null;
  /** Who acted; null for the command line and for a failed sign-in. */
  userId: string | null;
  action: AuditAction;
  target?: { type: AuditTargetType; id: string | null };
  details?: AuditDetails;
};

type Writer = Db | Transaction;

/**
 * Writes one entry, inside the caller's transaction when it passes one, so the entry and the
 * action land together or not at all. The actor's role and organisation are read from their
 * membership in the same statement: what they were when they acted.
 */
export async function recordAudit(db: Writer, entry: AuditEntryInput): Promise<void> {
  const details = JSON.stringify(entry.details ?? {});
  await db.$executeRaw`
    INSERT INTO audit_log (workspace_id, actor_user_id, actor_role, actor_organization_id, action,
      target_type, target_id, details, request_id)
    SELECT ${entry.workspaceId}::uuid, ${entry.userId}::uuid, m.role, m.organization_id, ${entry.action},
      ${entry.target?.type ?? null}, ${entry.target?.id ?? null}, ${details}::jsonb, ${currentRequestId()}
    FROM (SELECT 1) AS one
    LEFT JOIN memberships m ON m.workspace_id = ${entry.workspaceId}::uuid AND m.user_id = ${entry.userId}::uuid`;
}

/**
 * An action on an account rather than in a workspace (signing in, a password set): one entry in
 * each workspace where the account has an active membership, so each of their admins sees it,
 * or one that belongs to no workspace when it has none (a system administrator).
 */
export async function recordAccountAudit(
  db: Writer,
  entry: Omit<AuditEntryInput, "workspaceId" | "userId"> & { userId: string; actorUserId: string | null },
): Promise<void> {
  const details = JSON.stringify(entry.details ?? {});
  const requestId = currentRequestId();
  const written = await db.$executeRaw`
    INSERT INTO audit_log (workspace_id, actor_user_id, actor_role, actor_organization_id, action,
      target_type, target_id, details, request_id)
    SELECT m.workspace_id, ${entry.actorUserId}::uuid, actor.role, actor.organization_id, ${entry.action},
      ${entry.target?.type ?? null}, ${entry.target?.id ?? null}, ${details}::jsonb, ${requestId}
    FROM memberships m
    LEFT JOIN memberships actor ON actor.workspace_id = m.workspace_id AND actor.user_id = ${entry.actorUserId}::uuid
    WHERE m.user_id = ${entry.userId}::uuid AND m.deactivated_at IS NULL`;
  if (written === 0) await recordAudit(db, { ...entry, workspaceId: null, userId: entry.actorUserId });
}

/**
 * Deletes entries older than their workspace's retention (and those of no workspace older than
 * `unscopedDays`). Runs at start and every few hours (scripts/start.ts), and when an admin
 * shortens the period.
 */
export async function purgeExpiredAuditEntries(
  db: Db,
  options: { now?: Date; unscopedDays?: number; workspaceId?: string | null } = {},
) {
  const now = options.now ?? new Date();
  const workspaceId = options.workspaceId ?? null;
  const scoped = await db.$executeRaw`
    DELETE FROM audit_log a USING workspaces w
    WHERE a.workspace_id = w.id
      AND (${workspaceId}::uuid IS NULL OR w.id = ${workspaceId}::uuid)
      AND a.at < ${now}::timestamptz - make_interval(days => w.audit_retention_days)`;
  if (workspaceId !== null) return scoped;
  const unscoped = await db.$executeRaw`
    DELETE FROM audit_log
    WHERE workspace_id IS NULL
      AND at < ${now}::timestamptz - make_interval(days => ${options.unscopedDays ?? 365}::int)`;
  return scoped + unscoped;
}

/**
 * For a read or an export, which has no transaction to share: the entry is written once the
 * result is ready and before it is returned, so a caller never gets what the log does not show.
 * `entryFor` may return null when the result revealed nothing to record.
 */
export async function auditAfter<T>(
  db: Db,
  result: Promise<T>,
  entryFor: (value: T) => AuditEntryInput | null,
): Promise<T> {
  const value = await result;
  const entry = entryFor(value);
  if (entry) await recordAudit(db, entry);
  return value;
}

/**
 * The entry for a read that returned restricted free text (decisions/018): how many records'
 * text the caller received, or null when it received none, which leaves no entry.
 */
export function restrictedReadEntry(
  { workspace, actor }: Pick<ServiceScope, "workspace" | "actor">,
  action: "findings_read" | "dialogue_notes_read" | "reports_read" | "photo_read",
  count: number,
  target?: AuditEntryInput["target"],
  kind?: string,
): AuditEntryInput | null {
  if (count === 0) return null;
  return {
    workspaceId: workspace.id,
    userId: actor.userId,
    action,
    target,
    details: { count, ...(kind ? { kind } : {}) },
  };
}
