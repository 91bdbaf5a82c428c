import {
  addDays,
  dbDateToLocalDate,
  type LocalDate,
  localDateToDbDate,
  startOfLocalDay,
  toLocalDate,
} from "../../../shared/calendar.ts";
import { OPEN_FINDING_STATUSES } from "../../../shared/field.ts";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import {
  NOTIFICATION_LIST_LIMIT,
  type Notification,
  type NotificationList,
  type NotificationSettings,
} from "../../../shared/schemas/notifications.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { actsAcrossWorkspace } from "../access/ownership.ts";
import { newRisingFlags } from "./rising-flags.ts";

type Unstamped = Omit<Notification, "isRead"> & { isRead?: never };

async function reviewNotifications({ db, workspace, actor }: ServiceScope): Promise<Unstamped[]> {
  if (!ANALYST_ROLES.includes(actor.role)) return [];
  const reports = await db.fieldReport.findMany({
    where: { workspaceId: workspace.id, status: "pending" },
    select: { id: true, kind: true, category: true, areaId: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const names = await areaNames(
    db,
    workspace.id,
    reports.map((r) => r.areaId),
  );
  return reports.map((report) => ({
    kind: "review",
    key: `review|${report.id}`,
    at: report.createdAt.toISOString(),
    reportKind: report.kind,
    category: report.category,
    areaName: report.areaId ? (names.get(report.areaId) ?? null) : null,
  }));
}

/** Open findings past their due date that the actor answers for (decisions/011's changing organisation). */
async function overdueNotifications(
  { db, workspace, actor }: ServiceScope,
  today: LocalDate,
): Promise<Unstamped[]> {
  const isAcross = actsAcrossWorkspace(actor);
  if (!isAcross && (actor.role !== "member" || !actor.organizationId)) return [];
  const organizationId = actor.organizationId ?? "";
  const findings = await db.walkFinding.findMany({
    where: {
      workspaceId: workspace.id,
      status: { in: [...OPEN_FINDING_STATUSES] },
      dueOn: { lt: localDateToDbDate(today) },
      ...(isAcross
        ? {}
        : {
            OR: [
              { ownerOrganizationId: organizationId },
              { ownerOrganizationId: null, recordedByOrganizationId: organizationId },
            ],
          }),
    },
    select: { id: true, walkId: true, category: true, areaId: true, dueOn: true },
    orderBy: [{ dueOn: "desc" }, { id: "asc" }],
  });
  const names = await areaNames(
    db,
    workspace.id,
    findings.map((f) => f.areaId),
  );
  return findings.flatMap((finding) => {
    if (!finding.dueOn) return [];
    const dueOn = dbDateToLocalDate(finding.dueOn);
    return [
      {
        kind: "overdue" as const,
        key: `overdue|${finding.id}`,
        at: startOfLocalDay(addDays(dueOn, 1), workspace.timezone).toISOString(),
        findingId: finding.id,
        walkId: finding.walkId,
        category: finding.category,
        areaName: finding.areaId ? (names.get(finding.areaId) ?? null) : null,
        dueOn,
      },
    ];
  });
}

/** New rising flags in the areas the member follows (and the areas inside them); every area when none. */
async function risingNotifications(
  { db, workspace }: ServiceScope,
  today: LocalDate,
  followed: readonly string[],
): Promise<Unstamped[]> {
  const flags = await newRisingFlags(db, workspace, today);
  let codes: Set<string | null> | null = null;
  if (followed.length > 0) {
    const areas = await db.area.findMany({
      where: { workspaceId: workspace.id },
      select: { id: true, parentId: true, code: true },
    });
    const chosen = new Set(followed);
    const parentOf = new Map(areas.map((a) => [a.id, a.parentId]));
    const isFollowed = (id: string | null, depth = 0): boolean =>
      id !== null && depth < 10 && (chosen.has(id) || isFollowed(parentOf.get(id) ?? null, depth + 1));
    codes = new Set(areas.filter((a) => isFollowed(a.id)).map((a) => a.code));
  }
  return flags.pairs
    .filter((pair) => codes === null || (pair.areaCode !== null && codes.has(pair.areaCode)))
    .map((pair) => ({
      kind: "rising",
      key: `rising|${pair.categoryCode}|${pair.areaCode ?? pair.areaName}|${flags.period.start}`,
      at: flags.arisenAt.toISOString(),
      categoryCode: pair.categoryCode,
      categoryNameSv: pair.categoryNameSv,
      categoryNameEn: pair.categoryNameEn,
      areaCode: pair.areaCode,
      areaName: pair.areaName,
      level: pair.level,
      period: flags.period,
    }));
}

async function areaNames(db: Db, workspaceId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const areas = await db.area.findMany({
    where: { workspaceId, id: { in: wanted } },
    select: { id: true, name: true },
  });
  return new Map(areas.map((a) => [a.id, a.name]));
}

/** The stored JSON list of followed areas, as ids. */
function areaIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

async function settingsRow({ db, workspace, actor }: ServiceScope) {
  return db.notificationSetting.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: actor.userId } },
    select: { seenUpTo: true, emailedUpTo: true, areaIds: true, emailEnabled: true },
  });
}

/** Every notification the actor has now, newest first, each marked read or not. */
export async function deriveNotifications(scope: ServiceScope, now = new Date()) {
  const today = toLocalDate(now, scope.workspace.timezone);
  const settings = await settingsRow(scope);
  const [review, overdue, rising, reads] = await Promise.all([
    reviewNotifications(scope),
    overdueNotifications(scope, today),
    risingNotifications(scope, today, areaIdsOf(settings?.areaIds)),
    scope.db.notificationRead.findMany({
      where: { workspaceId: scope.workspace.id, userId: scope.actor.userId },
      select: { key: true },
    }),
  ]);
  const readKeys = new Set(reads.map((r) => r.key));
  const seenUpTo = settings?.seenUpTo?.getTime() ?? Number.NEGATIVE_INFINITY;
  const items = [...review, ...overdue, ...rising]
    .map((item) => ({ ...item, isRead: Date.parse(item.at) <= seenUpTo || readKeys.has(item.key) }))
    .sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key)) as Notification[];
  return { items, settings };
}

export async function listNotifications(scope: ServiceScope): Promise<NotificationList> {
  const { items } = await deriveNotifications(scope);
  return {
    items: items.slice(0, NOTIFICATION_LIST_LIMIT),
    unread: items.filter((item) => !item.isRead).length,
    total: items.length,
  };
}

/** Marks the actor's own notifications read; keys it does not have now are skipped, so nothing else is stored. */
export async function markNotificationsRead(scope: ServiceScope, { keys }: { keys: readonly string[] }) {
  const { items } = await deriveNotifications(scope);
  const known = new Set(items.map((item) => item.key));
  const marked = [...new Set(keys)].filter((key) => known.has(key));
  await scope.db.notificationRead.createMany({
    data: marked.map((key) => ({ workspaceId: scope.workspace.id, userId: scope.actor.userId, key })),
    skipDuplicates: true,
  });
  return { marked: marked.length };
}

/** Everything up to now is read; the single marks before it are no longer needed. */
export async function markAllNotificationsRead(scope: ServiceScope, now = new Date()) {
  const where = { workspaceId: scope.workspace.id, userId: scope.actor.userId };
  await scope.db.$transaction(async (tx) => {
    await tx.notificationSetting.upsert({
      where: { workspaceId_userId: where },
      create: { ...where, seenUpTo: now },
      update: { seenUpTo: now, updatedAt: now },
    });
    await tx.notificationRead.deleteMany({ where });
  });
  return { seenUpTo: now.toISOString() };
}

export async function getNotificationSettings(scope: ServiceScope): Promise<NotificationSettings> {
  const row = await settingsRow(scope);
  return { areaIds: areaIdsOf(row?.areaIds), emailEnabled: row?.emailEnabled ?? true };
}

/** The member's own areas and e-mail choice; areas must be the workspace's. */
export async function updateNotificationSettings(scope: ServiceScope, input: NotificationSettings) {
  const areaIds = [...new Set(input.areaIds)];
  const found = await scope.db.area.count({
    where: { workspaceId: scope.workspace.id, id: { in: areaIds } },
  });
  if (found !== areaIds.length)
    throw new AppError("VALIDATION", { reason: "AREA_NOT_IN_WORKSPACE", field: "areaIds" });
  const where = { workspaceId: scope.workspace.id, userId: scope.actor.userId };
  await scope.db.notificationSetting.upsert({
    where: { workspaceId_userId: where },
    create: { ...where, areaIds, emailEnabled: input.emailEnabled },
    update: { areaIds, emailEnabled: input.emailEnabled, updatedAt: new Date() },
  });
  return { areaIds, emailEnabled: input.emailEnabled };
}
