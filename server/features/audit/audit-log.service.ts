import { addDays, startOfLocalDay, toLocalDate } from "../../../shared/calendar.ts";
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  type AuditDetails,
  type AuditFilter,
} from "../../../shared/schemas/audit.ts";
import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { type Cell, tableFile } from "../exports/table-file.ts";
import { purgeExpiredAuditEntries, recordAudit } from "./audit.service.ts";

/**
 * Whose log is read: a workspace's (its admins, who pass their ServiceScope), or the entries of
 * no workspace (failed sign-ins; system administrators only, outside any workspace). `actor` is
 * the reader, for the audit of an export.
 */
export type AuditLogScope = {
  db: Db;
  workspace: { id: string; slug: string; timezone: string } | null;
  actor: { userId: string };
};

const entrySelect = {
  id: true,
  at: true,
  action: true,
  actorUserId: true,
  actorRole: true,
  actorOrganizationId: true,
  targetType: true,
  targetId: true,
  details: true,
  requestId: true,
} as const;

type StoredEntry = Prisma.AuditEntryGetPayload<{ select: typeof entrySelect }>;

const timeZoneOf = (scope: AuditLogScope) => scope.workspace?.timezone ?? "Europe/Stockholm";

/** A user filter matches what they did and what was done to their account. */
function whereOf(scope: AuditLogScope, filter: AuditFilter): Prisma.AuditEntryWhereInput {
  const timeZone = timeZoneOf(scope);
  return {
    workspaceId: scope.workspace?.id ?? null,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.userId
      ? { OR: [{ actorUserId: filter.userId }, { targetType: "user", targetId: filter.userId }] }
      : {}),
    at: {
      ...(filter.from ? { gte: startOfLocalDay(filter.from, timeZone) } : {}),
      ...(filter.to ? { lt: startOfLocalDay(addDays(filter.to, 1), timeZone) } : {}),
    },
  };
}

/** The names behind the ids an entry holds, read now (the log itself stores ids only). */
async function namesFor(db: Db, entries: StoredEntry[]) {
  const userIds = new Set<string>();
  const organizationIds = new Set<string>();
  for (const entry of entries) {
    if (entry.actorUserId) userIds.add(entry.actorUserId);
    if (entry.targetType === "user" && entry.targetId) userIds.add(entry.targetId);
    if (entry.actorOrganizationId) organizationIds.add(entry.actorOrganizationId);
    const details = entry.details as AuditDetails;
    for (const id of [details.organizationId, details.previousOrganizationId])
      if (id) organizationIds.add(id);
    if (entry.targetType === "organization" && entry.targetId) organizationIds.add(entry.targetId);
  }
  const [users, organizations] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db.organization.findMany({
      where: { id: { in: [...organizationIds] } },
      select: { id: true, name: true },
    }),
  ]);
  return {
    user: new Map(users.map((u) => [u.id, u.name])),
    organization: new Map(organizations.map((o) => [o.id, o.name])),
  };
}

function listedEntry(entry: StoredEntry, names: Awaited<ReturnType<typeof namesFor>>) {
  const targetName =
    entry.targetType === "user" && entry.targetId
      ? (names.user.get(entry.targetId) ?? null)
      : entry.targetType === "organization" && entry.targetId
        ? (names.organization.get(entry.targetId) ?? null)
        : null;
  const details = entry.details as AuditDetails;
  const organizationName = (id: string | null | undefined) =>
    id ? (names.organization.get(id) ?? null) : null;
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    actor: entry.actorUserId
      ? {
          id: entry.actorUserId,
          name: names.user.get(entry.actorUserId) ?? null,
          role: entry.actorRole,
          organization: organizationName(entry.actorOrganizationId),
        }
      : null,
    target: entry.targetType ? { type: entry.targetType, id: entry.targetId, name: targetName } : null,
    details: {
      ...details,
      organizationName: organizationName(details.organizationId),
      previousOrganizationName: organizationName(details.previousOrganizationId),
    },
    requestId: entry.requestId,
  };
}

/** One page of the log, newest first, with the number of entries the filter matches. */
export async function listAuditEntries(
  scope: AuditLogScope,
  { filter, page }: { filter: AuditFilter; page: number },
) {
  const where = whereOf(scope, filter);
  const [total, entries] = await Promise.all([
    scope.db.auditEntry.count({ where }),
    scope.db.auditEntry.findMany({
      where,
      select: entrySelect,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  const names = await namesFor(scope.db, entries);
  return { entries: entries.map((e) => listedEntry(e, names)), total, page, pageSize: AUDIT_PAGE_SIZE };
}

const HEADER: Cell[] = [
  "Tid",
  "Händelse",
  "Användare",
  "Användar-id",
  "Roll",
  "Organisation",
  "Måltyp",
  "Mål-id",
  "Mål",
  "Detaljer",
  "Begäran-id",
];

/** The filtered log as CSV or XLSX (at most AUDIT_EXPORT_LIMIT entries); the export is itself audited. */
export async function exportAuditEntries(
  scope: AuditLogScope,
  { filter, format }: { filter: AuditFilter; format: "csv" | "xlsx" },
) {
  const where = whereOf(scope, filter);
  const stored = await scope.db.auditEntry.findMany({
    where,
    select: entrySelect,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT + 1,
  });
  const isTruncated = stored.length > AUDIT_EXPORT_LIMIT;
  const entries = stored.slice(0, AUDIT_EXPORT_LIMIT);
  const names = await namesFor(scope.db, entries);
  const rows: Cell[][] = [
    HEADER,
    ...entries.map((stored) => {
      const entry = listedEntry(stored, names);
      return [
        entry.at,
        entry.action,
        entry.actor?.name ?? null,
        entry.actor?.id ?? null,
        entry.actor?.role ?? null,
        entry.actor?.organization ?? null,
        entry.target?.type ?? null,
        entry.target?.id ?? null,
        entry.target?.name ?? null,
        JSON.stringify(stored.details),
        entry.requestId,
      ];
    }),
  ];
  const today = toLocalDate(new Date(), timeZoneOf(scope));
  const selection: Cell[][] = [
    ["Arbetsyta", scope.workspace?.slug ?? "(ingen: misslyckade inloggningar m.m.)"],
    ["Händelse", filter.action ?? "alla"],
    ["Användare", filter.userId ?? "alla"],
    ["Från", filter.from ?? "–"],
    ["Till", filter.to ?? "–"],
    ["Poster", entries.length],
    ["Begränsat", isTruncated ? `Ja: de ${AUDIT_EXPORT_LIMIT} senaste; smalna av urvalet för resten` : "Nej"],
    ["Exporterad", new Date().toISOString()],
  ];
  await recordAudit(scope.db, {
    workspaceId: scope.workspace?.id ?? null,
    userId: scope.actor.userId,
    action: "audit_log_exported",
    details: { format, count: entries.length },
  });
  return tableFile({
    baseName: `handelselogg-${scope.workspace?.slug ?? "system"}-${today}`,
    format,
    rows,
    selection,
  });
}

export async function getAuditRetention({ db, workspace }: ServiceScope) {
  const { auditRetentionDays } = await db.workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { auditRetentionDays: true },
  });
  return { days: auditRetentionDays };
}

/** Sets how long the workspace keeps its log; a shorter period purges what is now past it at once. */
export async function setAuditRetention({ db, workspace, actor }: ServiceScope, { days }: { days: number }) {
  const workspaceId = workspace.id;
  await db.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: workspaceId }, data: { auditRetentionDays: days } });
    await recordAudit(tx, {
      workspaceId,
      userId: actor.userId,
      action: "audit_retention_changed",
      target: { type: "workspace", id: workspaceId },
      details: { days },
    });
  });
  const purged = await purgeExpiredAuditEntries(db, { workspaceId });
  return { days, purged };
}
