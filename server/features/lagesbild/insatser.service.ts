import { addDays, dbDateToLocalDate, localDateToDbDate } from "../../../shared/calendar.ts";
import { type InsatsView, isInsatsOverdue } from "../../../shared/lagesbild.ts";
import {
  type CreateInsatsInput,
  CreateInsatsInputSchema,
  type FollowUpInput,
  FollowUpInputSchema,
  type LinkedRise,
} from "../../../shared/schemas/lagesbild.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { requireOwnership } from "../access/ownership.ts";
import { type LagesbildRow, requireDraft } from "./lagesbild-record.ts";

const insatsSelect = {
  id: true,
  title: true,
  problem: true,
  areaIds: true,
  points: true,
  organizationId: true,
  contactName: true,
  startOn: true,
  endOn: true,
  recurrence: true,
  resources: true,
  linkedRises: true,
  linkedFindingIds: true,
  linkedThemes: true,
  status: true,
  closedAt: true,
  closedInId: true,
  decidedInId: true,
} as const;

/** Decides an insats at a meeting: what, where, who, when, resources, and what prompted it. */
export async function createInsats(scope: ServiceScope, raw: CreateInsatsInput) {
  const { db, workspace, actor } = scope;
  const input = CreateInsatsInputSchema.parse(raw);
  await requireDraft(scope, input.lagesbildId);
  if (input.areaIds.length > 0) {
    const found = await db.area.count({ where: { workspaceId: workspace.id, id: { in: input.areaIds } } });
    if (found !== new Set(input.areaIds).size)
      throw new AppError("NOT_FOUND", "An area is not in this workspace");
  }
  if (input.organizationId) {
    const member = await db.workspaceOrganization.findUnique({
      where: {
        workspaceId_organizationId: { workspaceId: workspace.id, organizationId: input.organizationId },
      },
      select: { organizationId: true },
    });
    if (!member) throw new AppError("NOT_FOUND", "The organisation is not part of this workspace");
  }
  if (input.linkedFindingIds.length > 0) {
    const found = await db.walkFinding.count({
      where: { workspaceId: workspace.id, id: { in: input.linkedFindingIds } },
    });
    if (found !== new Set(input.linkedFindingIds).size)
      throw new AppError("NOT_FOUND", "A linked finding is not in this workspace");
  }
  const created = await db.insats.create({
    data: {
      workspaceId: workspace.id,
      title: input.title,
      problem: input.problem,
      areaIds: input.areaIds,
      points: input.points,
      organizationId: input.organizationId,
      contactName: input.contactName,
      startOn: localDateToDbDate(input.startOn),
      endOn: input.endOn ? localDateToDbDate(input.endOn) : null,
      recurrence: input.recurrence,
      resources: input.resources,
      linkedRises: input.linkedRises,
      linkedFindingIds: input.linkedFindingIds,
      linkedThemes: input.linkedThemes,
      decidedInId: input.lagesbildId,
      createdBy: actor.userId,
    },
    select: { id: true },
  });
  return created;
}

async function findInsats(scope: ServiceScope, id: string) {
  const insats = await scope.db.insats.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id } },
    select: { id: true, status: true, organizationId: true },
  });
  if (!insats) throw new AppError("NOT_FOUND", "No such insats in this workspace");
  return insats;
}

/** Återkoppling: what was done, when, and what effect was seen. The insats's organisation, analysts and admins give it. */
export async function addFollowUp(scope: ServiceScope, raw: FollowUpInput) {
  const { db, workspace, actor } = scope;
  const input = FollowUpInputSchema.parse(raw);
  const insats = await findInsats(scope, input.insatsId);
  requireOwnership(actor, [insats.organizationId], "insats");
  if (insats.status !== "open") throw new AppError("CONFLICT", { reason: "INSATS_CLOSED" });
  if (input.lagesbildId) await requireDraft(scope, input.lagesbildId);
  return db.insatsFollowUp.create({
    data: {
      workspaceId: workspace.id,
      insatsId: input.insatsId,
      lagesbildId: input.lagesbildId,
      whatDone: input.whatDone,
      doneOn: localDateToDbDate(input.doneOn),
      effect: input.effect,
      organizationId: actor.organizationId,
      createdBy: actor.userId,
    },
    select: { id: true },
  });
}

/** Closes an insats; never without återkoppling (given now or before). `closedAt`: the demo seed's clock; now otherwise. */
export async function closeInsats(
  scope: ServiceScope,
  input: {
    insatsId: string;
    lagesbildId: string | null;
    followUp?: { whatDone: string; doneOn: string; effect?: string };
    closedAt?: Date;
  },
) {
  const { db, workspace, actor } = scope;
  const insats = await findInsats(scope, input.insatsId);
  requireOwnership(actor, [insats.organizationId], "insats");
  if (insats.status !== "open") throw new AppError("CONFLICT", { reason: "INSATS_CLOSED" });
  if (input.lagesbildId) await requireDraft(scope, input.lagesbildId);
  if (input.followUp)
    await addFollowUp(scope, { insatsId: input.insatsId, lagesbildId: input.lagesbildId, ...input.followUp });
  const followUps = await db.insatsFollowUp.count({
    where: { workspaceId: workspace.id, insatsId: input.insatsId },
  });
  if (followUps === 0) throw new AppError("VALIDATION", { reason: "INSATS_CLOSE_NEEDS_FOLLOW_UP" });
  await db.insats.update({
    where: { workspaceId_id: { workspaceId: workspace.id, id: input.insatsId } },
    data: {
      status: "closed",
      closedAt: input.closedAt ?? new Date(),
      closedInId: input.lagesbildId,
      updatedAt: new Date(),
    },
  });
}

/**
 * The insatser a lägesbild shows: those decided at its meeting, and every one decided earlier that
 * was still open when its period began (carried forward until closed), within its areas.
 */
export async function listInsatserFor(
  scope: ServiceScope,
  { lagesbild, coveredAreaIds }: { lagesbild: LagesbildRow; coveredAreaIds: string[] },
): Promise<InsatsView[]> {
  const { db, workspace } = scope;
  const periodStart = localDateToDbDate(lagesbild.periodStart);
  const earlier = await db.lagesbild.findMany({
    where: { workspaceId: workspace.id, periodStart: { lt: periodStart } },
    select: { id: true },
  });
  const earlierIds = earlier.map((l) => l.id);
  const rows = await db.insats.findMany({
    where: {
      workspaceId: workspace.id,
      OR: [
        { decidedInId: lagesbild.id },
        {
          decidedInId: { in: earlierIds },
          // Closed ones only where they were closed: at this meeting, or in its period outside any.
          OR: [
            { status: "open" },
            { closedInId: lagesbild.id },
            { closedInId: null, closedAt: { gte: periodStart, lt: addDaysToDb(lagesbild.periodEnd, 1) } },
          ],
        },
      ],
    },
    select: insatsSelect,
    orderBy: [{ startOn: "asc" }, { title: "asc" }],
  });
  const inScope = lagesbild.areaIds.length === 0 ? null : new Set(coveredAreaIds);
  const visible = rows.filter(
    (row) => !inScope || row.areaIds.length === 0 || row.areaIds.some((id) => inScope.has(id)),
  );
  const followUps = await db.insatsFollowUp.findMany({
    where: { workspaceId: workspace.id, insatsId: { in: visible.map((row) => row.id) } },
    select: {
      id: true,
      insatsId: true,
      lagesbildId: true,
      whatDone: true,
      doneOn: true,
      effect: true,
      organizationId: true,
    },
    orderBy: [{ doneOn: "asc" }, { createdAt: "asc" }],
  });
  const orgIds = [
    ...new Set([...visible, ...followUps].flatMap((r) => (r.organizationId ? [r.organizationId] : []))),
  ];
  const organizations = await db.organization.findMany({
    where: { id: { in: orgIds } },
    select: { id: true, name: true },
  });
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const areas = await db.area.findMany({
    where: { workspaceId: workspace.id, id: { in: [...new Set(visible.flatMap((r) => r.areaIds))] } },
    select: { id: true, name: true },
  });
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  return visible.map((row) => {
    const own = followUps.filter((f) => f.insatsId === row.id);
    const isCarried = row.decidedInId !== lagesbild.id;
    const endOn = row.endOn ? dbDateToLocalDate(row.endOn) : null;
    return {
      id: row.id,
      title: row.title,
      problem: row.problem,
      areaIds: row.areaIds,
      areaNames: row.areaIds.map((id) => areaName.get(id) ?? id),
      points: row.points as { lon: number; lat: number }[],
      organizationId: row.organizationId,
      organizationName: row.organizationId ? (orgName.get(row.organizationId) ?? null) : null,
      contactName: row.contactName,
      startOn: dbDateToLocalDate(row.startOn),
      endOn,
      recurrence: row.recurrence,
      resources: row.resources,
      linkedRises: row.linkedRises as LinkedRise[],
      linkedFindingIds: row.linkedFindingIds,
      linkedThemes: row.linkedThemes,
      status: row.status as "open" | "closed",
      closedAt: row.closedAt?.toISOString() ?? null,
      decidedInId: row.decidedInId,
      isCarried,
      isOverdue: isInsatsOverdue({ status: row.status, endOn }, lagesbild.periodEnd),
      needsFollowUp: isCarried && row.status === "open" && !own.some((f) => f.lagesbildId === lagesbild.id),
      followUps: own.map((f) => ({
        id: f.id,
        lagesbildId: f.lagesbildId,
        whatDone: f.whatDone,
        doneOn: dbDateToLocalDate(f.doneOn),
        effect: f.effect,
        organizationName: f.organizationId ? (orgName.get(f.organizationId) ?? null) : null,
      })),
    };
  });
}

const addDaysToDb = (date: string, days: number) => localDateToDbDate(addDays(date, days));
