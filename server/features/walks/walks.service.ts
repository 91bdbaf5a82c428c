import type { z } from "zod";
import { localDateToDbDate, toLocalDate } from "../../../shared/calendar.ts";
import { FINDING_TRANSITIONS, type FindingStatus } from "../../../shared/field.ts";
import type {
  AddFindingInputSchema,
  ChangeFindingStatusInputSchema,
  CreateWalkInputSchema,
  FindingFilterSchema,
} from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { coveredAreas, districtAt, listAreas } from "../areas/areas.service.ts";
import { checkPhoto } from "../reports/photo-check.ts";
import { insertPhoto, readPhoto } from "../reports/photos.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

type Scope = { db: Db; workspace: CurrentWorkspace; userId: string };

export async function createWalk(
  { db, workspace, userId }: Scope,
  input: z.output<typeof CreateWalkInputSchema>,
) {
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
      createdBy: userId,
    },
    select: { id: true },
  });
}

export async function listWalks({ db, workspace }: Omit<Scope, "userId">) {
  const walks = await db.safetyWalk.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { startsAt: "desc" },
    take: 200,
  });
  const areas = new Map((await listAreas({ db, workspaceId: workspace.id })).map((a) => [a.id, a.name]));
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

/** A finding, placed in the district that holds its point; its photos are checked by content. */
export async function addFinding(
  { db, workspace, userId }: Scope,
  input: z.output<typeof AddFindingInputSchema>,
) {
  if (input.walkId) {
    const walk = await db.safetyWalk.findFirst({ where: { workspaceId: workspace.id, id: input.walkId } });
    if (!walk) throw new AppError("NOT_FOUND", "No such walk");
  }
  if (input.ownerOrganizationId)
    await requireWorkspaceOrganization(db, workspace.id, input.ownerOrganizationId);
  const photos = input.photos.map((photo) => checkPhoto(photo));
  const district = await districtAt(db, workspace.id, [input.lon, input.lat]);
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

/** Moves a finding along its life (ny → tilldelad → pågår → åtgärdad, or avvisad with a reason). */
export async function changeFindingStatus(
  { db, workspace, userId }: Scope,
  input: z.output<typeof ChangeFindingStatusInputSchema>,
) {
  const finding = await db.walkFinding.findFirst({
    where: { workspaceId: workspace.id, id: input.findingId },
    select: { status: true, ownerOrganizationId: true, ownerName: true },
  });
  if (!finding) throw new AppError("NOT_FOUND", "No such finding");
  if (input.ownerOrganizationId)
    await requireWorkspaceOrganization(db, workspace.id, input.ownerOrganizationId);
  const from = finding.status as FindingStatus;
  if (!FINDING_TRANSITIONS[from].includes(input.status))
    throw new AppError("VALIDATION", `status: ${from} cannot become ${input.status}`);
  if (input.status === "avvisad" && !input.reason)
    throw new AppError("VALIDATION", "reason: a rejected finding needs a reason");
  const owner = {
    ownerOrganizationId:
      input.ownerOrganizationId !== undefined ? input.ownerOrganizationId : finding.ownerOrganizationId,
    ownerName: input.ownerName !== undefined ? input.ownerName : finding.ownerName,
  };
  if (input.status === "tilldelad" && !owner.ownerOrganizationId && !owner.ownerName)
    throw new AppError("VALIDATION", "owner: an assigned finding needs someone responsible");
  return db.$transaction(async (tx) => {
    await tx.walkFinding.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id: input.findingId } },
      data: {
        status: input.status,
        statusReason: input.reason,
        ...owner,
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn ? localDateToDbDate(input.dueOn) : null } : {}),
        updatedAt: new Date(),
      },
    });
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

/** Findings with their owner, area and status history: the list, the map layer and the protocol. */
export async function listFindings(
  { db, workspace }: Omit<Scope, "userId">,
  filter: z.output<typeof FindingFilterSchema>,
) {
  const areas = await listAreas({ db, workspaceId: workspace.id });
  const areaIds = filter.areaCodes.length > 0 ? coveredAreas(areas, filter.areaCodes).map((a) => a.id) : null;
  const findings = await db.walkFinding.findMany({
    where: {
      workspaceId: workspace.id,
      ...(filter.walkId ? { walkId: filter.walkId } : {}),
      ...(filter.statuses.length > 0 ? { status: { in: filter.statuses } } : {}),
      ...(filter.categories.length > 0 ? { category: { in: filter.categories } } : {}),
      ...(areaIds ? { areaId: { in: areaIds } } : {}),
      ...(filter.ownerOrganizationId ? { ownerOrganizationId: filter.ownerOrganizationId } : {}),
      ...(filter.olderThanDays !== null
        ? { createdAt: { lt: new Date(Date.now() - filter.olderThanDays * 86_400_000) } }
        : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 2000,
  });
  const ids = findings.map((f) => f.id);
  const [history, photos, organizations, users] = await Promise.all([
    db.findingStatusChange.findMany({
      where: { workspaceId: workspace.id, findingId: { in: ids } },
      orderBy: { id: "asc" },
    }),
    db.photo.findMany({
      where: { workspaceId: workspace.id, findingId: { in: ids } },
      select: { id: true, findingId: true },
    }),
    db.organization.findMany({
      where: {
        id: { in: findings.map((f) => f.ownerOrganizationId).filter((id): id is string => Boolean(id)) },
      },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { memberships: { some: { workspaceId: workspace.id } } },
      select: { id: true, name: true },
    }),
  ]);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return findings.map((f) => ({
    id: f.id,
    walkId: f.walkId,
    lon: f.lon,
    lat: f.lat,
    areaName: f.areaId ? (areaName.get(f.areaId) ?? null) : null,
    category: f.category,
    description: f.description,
    severity: f.severity,
    owner: f.ownerOrganizationId ? (orgName.get(f.ownerOrganizationId) ?? null) : f.ownerName,
    ownerOrganizationId: f.ownerOrganizationId,
    dueOn: f.dueOn ? f.dueOn.toISOString().slice(0, 10) : null,
    status: f.status,
    statusReason: f.statusReason,
    createdAt: f.createdAt.toISOString(),
    createdOn: toLocalDate(f.createdAt, workspace.timezone),
    photoIds: photos.filter((p) => p.findingId === f.id).map((p) => p.id),
    history: history
      .filter((h) => h.findingId === f.id)
      .map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        by: h.changedBy ? (userName.get(h.changedBy) ?? null) : null,
        at: h.changedAt.toISOString(),
      })),
  }));
}

export async function getWalk({ db, workspace }: Omit<Scope, "userId">, walkId: string) {
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

/** A photo's bytes for members of its workspace (served as base64 through the API). */
export async function getPhoto({ db, workspace }: Omit<Scope, "userId">, photoId: string) {
  return readPhoto(db, workspace.id, photoId);
}
