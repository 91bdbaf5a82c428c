import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { type Actor, ownsRecord } from "../access/ownership.ts";

type Row = Awaited<ReturnType<typeof findReports>>[number];

const MY_REPORTS_SHOWN = 200;

const REPORT_SELECT = {
  id: true,
  category: true,
  areaId: true,
  placeName: true,
  occurredAt: true,
  createdAt: true,
  description: true,
  status: true,
  reviewReason: true,
  reviewedAt: true,
  reporterUserId: true,
  organizationId: true,
} as const;

function findReports(db: Db, where: Parameters<Db["fieldReport"]["findMany"]>[0] & object) {
  return db.fieldReport.findMany({ ...where, select: REPORT_SELECT });
}

/** Names for the rows: the area, the organisation and the reporter (colleagues see who filed it). */
async function present(db: Db, workspaceId: string, actor: Actor, reports: Row[]) {
  const [areas, organizations, reporters] = await Promise.all([
    db.area.findMany({
      where: { workspaceId, id: { in: reports.flatMap((r) => (r.areaId ? [r.areaId] : [])) } },
      select: { id: true, name: true },
    }),
    db.organization.findMany({
      where: { id: { in: reports.flatMap((r) => (r.organizationId ? [r.organizationId] : [])) } },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { id: { in: reports.flatMap((r) => (r.reporterUserId ? [r.reporterUserId] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  const name = (list: { id: string; name: string }[], id: string | null) =>
    id ? (list.find((item) => item.id === id)?.name ?? null) : null;
  return reports.map((r) => ({
    id: r.id,
    category: r.category,
    areaName: name(areas, r.areaId),
    placeName: r.placeName,
    organizationName: name(organizations, r.organizationId),
    reporterName: name(reporters, r.reporterUserId),
    isOwn: r.reporterUserId === actor.userId,
    occurredAt: r.occurredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    description: r.description,
    status: r.status,
    // The reason is written for the reporter; only a rejection has one.
    reviewReason: r.status === "rejected" ? r.reviewReason : null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
  }));
}

/**
 * Mina rapporter (decisions/024): the partner reports of the caller's organisation, newest first,
 * or only those the caller filed. Without an organisation, only the caller's own. Every role that
 * reports sees it the same way: an analyst's page is its own organisation's, not the queue.
 */
export async function listMyReports(scope: ServiceScope, which: "own" | "organization") {
  const { actor } = scope;
  const byOrganization = which === "organization" && actor.organizationId !== null;
  const reports = await findReports(scope.db, {
    where: {
      workspaceId: scope.workspace.id,
      kind: "partner",
      ...(byOrganization ? { organizationId: actor.organizationId } : { reporterUserId: actor.userId }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MY_REPORTS_SHOWN,
  });
  return present(scope.db, scope.workspace.id, actor, reports);
}

/** One partner report, for the link the form gives after sending: its organisation's members, analysts and admins. */
export async function getMyReport(scope: ServiceScope, reportId: string) {
  const { actor } = scope;
  const [report] = await findReports(scope.db, {
    where: { workspaceId: scope.workspace.id, id: reportId, kind: "partner" },
  });
  if (!report) throw new AppError("NOT_FOUND", "No such report in the workspace");
  const isReporter = report.reporterUserId === actor.userId;
  if (!isReporter && !ownsRecord(actor, [report.organizationId]))
    throw new AppError("FORBIDDEN", "This report belongs to another organisation");
  const [row] = await present(scope.db, scope.workspace.id, actor, [report]);
  return row as NonNullable<typeof row>;
}
