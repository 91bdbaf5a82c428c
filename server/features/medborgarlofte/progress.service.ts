import { dbDateToLocalDate, type LocalDate } from "../../../shared/calendar.ts";
import {
  type ActivityTarget,
  activityProgress,
  countDone,
  type FrequencyUnit,
} from "../../../shared/medborgarlofte.ts";
import type { PublicScope } from "./medborgarlofte.service.ts";

const activitySelect = {
  id: true,
  promiseId: true,
  focusAreaId: true,
  title: true,
  description: true,
  targetKind: true,
  targetCount: true,
  frequencyEvery: true,
  frequencyPer: true,
  targetText: true,
  unit: true,
  periodStart: true,
  periodEnd: true,
  organizationIds: true,
  areaIds: true,
} as const;

type ActivityRow = {
  targetKind: string;
  targetCount: number | null;
  frequencyEvery: number | null;
  frequencyPer: string | null;
  targetText: string | null;
};

/** The target as stored: the columns' CHECK constraint guarantees the fields of its kind. */
export function targetOf(row: ActivityRow): ActivityTarget {
  if (row.targetKind === "count") return { kind: "count", count: row.targetCount ?? 1 };
  if (row.targetKind === "frequency")
    return {
      kind: "frequency",
      every: row.frequencyEvery ?? 1,
      per: (row.frequencyPer ?? "week") as FrequencyUnit,
    };
  return { kind: "description", text: row.targetText ?? "" };
}

/** Names of the workspace's organisations and areas, for lists that hold ids. */
export async function namesIn({ db, workspace }: PublicScope) {
  const workspaceId = workspace.id;
  const [organizations, areas] = [
    await db.workspaceOrganization.findMany({
      where: { workspaceId },
      select: { organization: { select: { id: true, name: true } } },
    }),
    await db.area.findMany({ where: { workspaceId }, select: { id: true, code: true, name: true } }),
  ];
  const organization = new Map(organizations.map((o) => [o.organization.id, o.organization.name]));
  const area = new Map(areas.map((a) => [a.id, a]));
  return {
    organization: (id: string | null) => (id ? (organization.get(id) ?? null) : null),
    area: (id: string | null) => (id ? (area.get(id) ?? null) : null),
  };
}

/**
 * The promises' activities with what was recorded for each (progress entries and linked
 * insatser, an insats counting once on its start day) and their progress as of `asOf`.
 */
export async function loadActivities(
  { db, workspace }: PublicScope,
  { promiseIds, asOf }: { promiseIds: string[]; asOf: LocalDate },
) {
  const workspaceId = workspace.id;
  const activities = await db.lofteActivity.findMany({
    where: { workspaceId, promiseId: { in: promiseIds } },
    select: activitySelect,
    orderBy: [{ createdAt: "asc" }, { title: "asc" }],
  });
  const activityIds = activities.map((a) => a.id);
  const [entries, links] = [
    await db.lofteProgress.findMany({
      where: { workspaceId, activityId: { in: activityIds } },
      select: {
        id: true,
        activityId: true,
        doneOn: true,
        areaId: true,
        whatDone: true,
        participants: true,
        quantity: true,
        organizationId: true,
      },
      orderBy: [{ doneOn: "desc" }, { createdAt: "desc" }],
    }),
    await db.lofteActivityInsats.findMany({
      where: { workspaceId, activityId: { in: activityIds } },
      select: { activityId: true, insatsId: true },
    }),
  ];
  const insatser = await db.insats.findMany({
    where: { workspaceId, id: { in: links.map((l) => l.insatsId) } },
    select: { id: true, title: true, startOn: true, status: true, areaIds: true, organizationId: true },
    orderBy: { startOn: "desc" },
  });
  return activities.map((row) => {
    const period = { start: dbDateToLocalDate(row.periodStart), end: dbDateToLocalDate(row.periodEnd) };
    const target = targetOf(row);
    const own = entries
      .filter((e) => e.activityId === row.id)
      .map((e) => ({ ...e, doneOn: dbDateToLocalDate(e.doneOn) }));
    const linkedIds = new Set(links.filter((l) => l.activityId === row.id).map((l) => l.insatsId));
    const linked = insatser
      .filter((i) => linkedIds.has(i.id))
      .map((i) => ({ ...i, startOn: dbDateToLocalDate(i.startOn), status: i.status as "open" | "closed" }));
    const done = countDone(
      [...own, ...linked.map((i) => ({ doneOn: i.startOn, quantity: 1 }))],
      period,
      asOf,
    );
    return {
      id: row.id,
      promiseId: row.promiseId,
      focusAreaId: row.focusAreaId,
      title: row.title,
      description: row.description,
      target,
      unit: row.unit,
      period,
      organizationIds: row.organizationIds,
      areaIds: row.areaIds,
      entries: own,
      insatser: linked,
      progress: activityProgress({ target, period, asOf, done }),
    };
  });
}

export type LoadedActivity = Awaited<ReturnType<typeof loadActivities>>[number];
