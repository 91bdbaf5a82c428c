import type { z } from "zod";
import { toLocalDate } from "../../../shared/calendar.ts";
import type { FindingFilterSchema } from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { type Actor, actsAcrossWorkspace, ownsRecord } from "../access/ownership.ts";
import { coveredAreas, listAreas } from "../areas/areas.service.ts";
import { readPhoto } from "../reports/photos.ts";
import { canSeeFindingDetail, changingOrganization } from "./finding-ownership.ts";

type StoredFinding = Awaited<ReturnType<Db["walkFinding"]["findMany"]>>[number];
type FindingNames = {
  areaName: Map<string, string>;
  orgName: Map<string, string>;
  userName: Map<string, string>;
  photoIds: (findingId: string) => string[];
  history: (findingId: string) => Awaited<ReturnType<Db["findingStatusChange"]["findMany"]>>;
};

/**
 * One finding as listed. Free text, people's names and photos (canSeeDetail) only for analysts,
 * admins and members of its organisations; the rest see what, where, how bad, who owns it and its status.
 */
function listedFinding(actor: Actor, f: StoredFinding, names: FindingNames, timezone: string) {
  const isDetailed = canSeeFindingDetail(actor, f);
  const ownerOrganization = f.ownerOrganizationId ? (names.orgName.get(f.ownerOrganizationId) ?? null) : null;
  return {
    id: f.id,
    walkId: f.walkId,
    lon: f.lon,
    lat: f.lat,
    areaName: f.areaId ? (names.areaName.get(f.areaId) ?? null) : null,
    category: f.category,
    // Empty rather than null keeps the list's shape; isRestricted says why it is empty.
    description: isDetailed ? f.description : "",
    isRestricted: !isDetailed,
    canChange: ownsRecord(actor, [changingOrganization(f)]),
    severity: f.severity,
    owner: f.ownerOrganizationId ? ownerOrganization : isDetailed ? f.ownerName : null,
    ownerOrganizationId: f.ownerOrganizationId,
    dueOn: f.dueOn ? f.dueOn.toISOString().slice(0, 10) : null,
    status: f.status,
    statusReason: isDetailed ? f.statusReason : null,
    createdAt: f.createdAt.toISOString(),
    createdOn: toLocalDate(f.createdAt, timezone),
    photoIds: isDetailed ? names.photoIds(f.id) : [],
    history: names.history(f.id).map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      reason: isDetailed ? h.reason : null,
      by: isDetailed && h.changedBy ? (names.userName.get(h.changedBy) ?? null) : null,
      at: h.changedAt.toISOString(),
    })),
  };
}

/** Findings with their owner, area and status history: the list, the map layer and the protocol. */
export async function listFindings(scope: ServiceScope, filter: z.output<typeof FindingFilterSchema>) {
  const { db, workspace, actor } = scope;
  const areas = await listAreas(scope);
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
  const names: FindingNames = {
    areaName: new Map(areas.map((a) => [a.id, a.name])),
    orgName: new Map(organizations.map((o) => [o.id, o.name])),
    userName: new Map(users.map((u) => [u.id, u.name])),
    photoIds: (findingId) => photos.filter((p) => p.findingId === findingId).map((p) => p.id),
    history: (findingId) => history.filter((h) => h.findingId === findingId),
  };
  return findings.map((f) => listedFinding(actor, f, names, workspace.timezone));
}

/**
 * A photo's bytes (served as base64 through the API). A report's photos are for its reviewers
 * (analysts and admins); a finding's for those who see the finding's detail.
 */
export async function getPhoto(scope: ServiceScope, photoId: string) {
  const { db, workspace, actor } = scope;
  const photo = await db.photo.findFirst({
    where: { workspaceId: workspace.id, id: photoId },
    select: { findingId: true, reportId: true },
  });
  if (!photo) throw new AppError("NOT_FOUND", "No such photo");
  const finding = photo.findingId
    ? await db.walkFinding.findFirst({
        where: { workspaceId: workspace.id, id: photo.findingId },
        select: { ownerOrganizationId: true, recordedByOrganizationId: true },
      })
    : null;
  const mayRead = finding ? canSeeFindingDetail(actor, finding) : actsAcrossWorkspace(actor);
  if (!mayRead)
    throw new AppError(
      "FORBIDDEN",
      "This photo is shown only to those who may see its finding or report in detail",
    );
  return readPhoto(db, workspace.id, photoId);
}
