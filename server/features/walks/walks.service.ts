import type { z } from "zod";
import { localDateToDbDate } from "../../../shared/calendar.ts";
import { FINDING_TRANSITIONS, type FindingStatus } from "../../../shared/field.ts";
import type {
  AddFindingInputSchema,
  ChangeFindingStatusInputSchema,
  CreateWalkInputSchema,
} from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { organizationForNewRecord, requireOwnership } from "../access/ownership.ts";
import { districtAt, listAreas } from "../areas/areas.service.ts";
import { checkPhoto } from "../reports/photo-check.ts";
import { insertPhoto } from "../reports/photos.ts";
import { changingOrganization } from "./finding-ownership.ts";

/** A walk, by a writer who (if a member) belongs to an organisation. */
export async function createWalk(scope: ServiceScope, input: z.output<typeof CreateWalkInputSchema>) {
  const { db, workspace, actor } = scope;
  organizationForNewRecord(actor);
  let areaId: string | null = null;
  if (input.areaCode) {
    const area = await db.area.findFirst({
      where: { workspaceId: workspace.id, code: input.areaCode },
      select: { id: true },
    });
    if (!area) throw new AppError("NOT_FOUND", `Unknown area: ${input.areaCode}`);
    areaId = area.id;
  }
  return db.safetyWalk.create({
    data: {
      workspaceId: workspace.id,
      areaId,
      startsAt: new Date(input.startsAt),
      meetingPlace: input.meetingPlace,
      route: input.route ?? undefined,
      stops: input.stops,
      organizers: input.organizers,
      participants: input.participants,
      createdBy: actor.userId,
    },
    select: { id: true },
  });
}

export async function listWalks({ db, workspace }: ServiceScope) {
  const walks = await db.safetyWalk.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { startsAt: "desc" },
    take: 200,
  });
  const areas = new Map((await listAreas({ db, workspace })).map((a) => [a.id, a.name]));
  const counts = await db.walkFinding.groupBy({
    by: ["walkId", "status"],
    where: { workspaceId: workspace.id, walkId: { in: walks.map((w) => w.id) } },
    _count: true,
  });
  return walks.map((walk) => ({
    id: walk.id,
    startsAt: walk.startsAt.toISOString(),
    meetingPlace: walk.meetingPlace,
    areaName: walk.areaId ? (areas.get(walk.areaId) ?? null) : null,
    findings: counts.filter((c) => c.walkId === walk.id).reduce((sum, c) => sum + c._count, 0),
    open: counts
      .filter((c) => c.walkId === walk.id && c.status !== "atgardad" && c.status !== "avvisad")
      .reduce((sum, c) => sum + c._count, 0),
  }));
}

/** Owners must be organisations that take part in this workspace, not any tenant's. */
async function requireWorkspaceOrganization(db: Db, workspaceId: string, organizationId: string) {
  const link = await db.workspaceOrganization.findFirst({ where: { workspaceId, organizationId } });
  if (!link) throw new AppError("NOT_FOUND", "No such organisation in this workspace");
}

/**
 * A finding, placed in the district that holds its point and recorded under the caller's
 * organisation; its photos are checked by content.
 */
export async function addFinding(scope: ServiceScope, input: z.output<typeof AddFindingInputSchema>) {
  const { db, workspace, actor } = scope;
  const userId = actor.userId;
  const recordedByOrganizationId = organizationForNewRecord(actor);
  if (input.walkId) {
    const walk = await db.safetyWalk.findFirst({ where: { workspaceId: workspace.id, id: input.walkId } });
    if (!walk) throw new AppError("NOT_FOUND", "No such walk");
  }
  if (input.ownerOrganizationId)
    await requireWorkspaceOrganization(db, workspace.id, input.ownerOrganizationId);
  // One at a time: each is decoded and re-encoded (dropping its metadata).
  const photos: Awaited<ReturnType<typeof checkPhoto>>[] = [];
  for (const photo of input.photos) photos.push(await checkPhoto(photo));
  const district = await districtAt(scope, [input.lon, input.lat]);
  const assigned = Boolean(input.ownerOrganizationId || input.ownerName);
  return db.$transaction(async (tx) => {
    const finding = await tx.walkFinding.create({
      data: {
        workspaceId: workspace.id,
        walkId: input.walkId,
        areaId: district?.id ?? null,
        lon: input.lon,
        lat: input.lat,
        category: input.category,
        description: input.description,
        severity: input.severity,
        ownerOrganizationId: input.ownerOrganizationId,
        ownerName: input.ownerName,
        recordedByOrganizationId,
        dueOn: input.dueOn ? localDateToDbDate(input.dueOn) : null,
        status: assigned ? "tilldelad" : "ny",
        createdBy: userId,
      },
      select: { id: true, status: true },
    });
    await tx.findingStatusChange.create({
      data: { workspaceId: workspace.id, findingId: finding.id, toStatus: finding.status, changedBy: userId },
    });
    for (const photo of photos) await insertPhoto(tx, workspace.id, { findingId: finding.id }, photo);
    return finding;
  });
}

/**
 * Moves a finding along its life (ny → tilldelad → pågår → åtgärdad, or avvisad with a reason).
 * Members move and reassign only findings that belong to their organisation.
 */
export async function changeFindingStatus(
  scope: ServiceScope,
  input: z.output<typeof ChangeFindingStatusInputSchema>,
) {
  const { db, workspace, actor } = scope;
  const userId = actor.userId;
  const finding = await db.walkFinding.findFirst({
    where: { workspaceId: workspace.id, id: input.findingId },
    select: { status: true, ownerOrganizationId: true, ownerName: true, recordedByOrganizationId: true },
  });
  if (!finding) throw new AppError("NOT_FOUND", "No such finding");
  requireOwnership(actor, [changingOrganization(finding)], "finding");
  if (input.ownerOrganizationId)
    await requireWorkspaceOrganization(db, workspace.id, input.ownerOrganizationId);
  const from = finding.status as FindingStatus;
  if (!FINDING_TRANSITIONS[from].includes(input.status))
    throw new AppError("VALIDATION", {
      reason: "FINDING_TRANSITION",
      params: { from, to: input.status },
      field: "status",
    });
  if (input.status === "avvisad" && !input.reason)
    throw new AppError("VALIDATION", { reason: "FINDING_REJECT_NEEDS_REASON", field: "reason" });
  const owner = {
    ownerOrganizationId:
      input.ownerOrganizationId !== undefined ? input.ownerOrganizationId : finding.ownerOrganizationId,
    ownerName: input.ownerName !== undefined ? input.ownerName : finding.ownerName,
  };
  if (input.status === "tilldelad" && !owner.ownerOrganizationId && !owner.ownerName)
    throw new AppError("VALIDATION", { reason: "FINDING_ASSIGN_NEEDS_OWNER", field: "owner" });
  return db.$transaction(async (tx) => {
    // Only if nobody moved or reassigned it since it was read: the check above stays true.
    const { count } = await tx.walkFinding.updateMany({
      where: {
        workspaceId: workspace.id,
        id: input.findingId,
        status: from,
        ownerOrganizationId: finding.ownerOrganizationId,
      },
      data: {
        status: input.status,
        statusReason: input.reason,
        ...owner,
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn ? localDateToDbDate(input.dueOn) : null } : {}),
        updatedAt: new Date(),
      },
    });
    if (count === 0) throw new AppError("CONFLICT", { reason: "FINDING_CHANGED" });
    await tx.findingStatusChange.create({
      data: {
        workspaceId: workspace.id,
        findingId: input.findingId,
        fromStatus: from,
        toStatus: input.status,
        reason: input.reason,
        changedBy: userId,
      },
    });
    return { status: input.status };
  });
}

export async function getWalk({ db, workspace }: ServiceScope, walkId: string) {
  const walk = await db.safetyWalk.findFirst({ where: { workspaceId: workspace.id, id: walkId } });
  if (!walk) throw new AppError("NOT_FOUND", "No such walk");
  const area = walk.areaId
    ? await db.area.findFirst({
        where: { workspaceId: workspace.id, id: walk.areaId },
        select: { name: true },
      })
    : null;
  return {
    id: walk.id,
    startsAt: walk.startsAt.toISOString(),
    meetingPlace: walk.meetingPlace,
    areaName: area?.name ?? null,
    route: walk.route as { type: "LineString"; coordinates: [number, number][] } | null,
    stops: walk.stops as string[],
    organizers: walk.organizers,
    participants: walk.participants as Record<string, number>,
  };
}

/** The organisations that take part in the workspace: who may own a finding. */
export async function listWorkspaceOrganizations({ db, workspace }: ServiceScope) {
  return db.organization.findMany({
    where: { workspaces: { some: { workspaceId: workspace.id } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
