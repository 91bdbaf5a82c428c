import type { z } from "zod";
import { REVIEW_UNDO_HOURS } from "../../../shared/field.ts";
import type { ReviewInputSchema } from "../../../shared/schemas/field.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";

const UNDO_MS = REVIEW_UNDO_HOURS * 3_600_000;
const DECIDED_SHOWN = 100;

/** Until when a decision taken at this time may be taken back. */
export const undoUntil = (reviewedAt: Date) => new Date(reviewedAt.getTime() + UNDO_MS);

/** How many reports (partners' and citizens') wait for a decision: the navigation's badge. */
export async function countPendingReports({ db, workspace }: ServiceScope) {
  return { count: await db.fieldReport.count({ where: { workspaceId: workspace.id, status: "pending" } }) };
}

/**
 * The review queue (oldest first) or the latest decisions (newest first), with what the reviewer
 * needs to judge a report where it is: the organisation, the area and address-list place, the
 * point for the small map. Description, contact and photos included: analysts and admins only.
 */
export async function listReviewQueue({ db, workspace }: ServiceScope, status: "pending" | "decided") {
  const isPending = status === "pending";
  const reports = await db.fieldReport.findMany({
    where: {
      workspaceId: workspace.id,
      status: isPending ? "pending" : { in: ["approved", "rejected"] },
    },
    orderBy: isPending ? { createdAt: "asc" } : [{ reviewedAt: "desc" }, { id: "desc" }],
    take: isPending ? 500 : DECIDED_SHOWN,
  });
  const [areas, photos, organizations, reviewers] = await Promise.all([
    db.area.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true } }),
    db.photo.findMany({
      where: { workspaceId: workspace.id, reportId: { in: reports.map((r) => r.id) } },
      select: { id: true, reportId: true },
    }),
    db.organization.findMany({
      where: { id: { in: reports.flatMap((r) => (r.organizationId ? [r.organizationId] : [])) } },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { id: { in: reports.flatMap((r) => (r.reviewedBy ? [r.reviewedBy] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const organizationName = new Map(organizations.map((o) => [o.id, o.name]));
  const reviewerName = new Map(reviewers.map((u) => [u.id, u.name]));
  const now = Date.now();
  return reports.map((r) => ({
    id: r.id,
    kind: r.kind,
    category: r.category,
    lon: r.lon,
    lat: r.lat,
    areaName: r.areaId ? (areaName.get(r.areaId) ?? null) : null,
    placeName: r.placeName,
    organizationName: r.organizationId ? (organizationName.get(r.organizationId) ?? null) : null,
    occurredAt: r.occurredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    description: r.description,
    createsInsecurity: r.createsInsecurity,
    assessment: r.assessment,
    contact: r.contact,
    status: r.status,
    reviewReason: r.reviewReason,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByName: r.reviewedBy ? (reviewerName.get(r.reviewedBy) ?? null) : null,
    canUndo: r.reviewedAt !== null && undoUntil(r.reviewedAt).getTime() > now,
    photoIds: photos.filter((p) => p.reportId === r.id).map((p) => p.id),
  }));
}

/** Approve (it enters the picture) or reject with a reason that is kept; recorded with who and when. */
export async function reviewReport(
  { db, workspace, actor }: ServiceScope,
  input: z.output<typeof ReviewInputSchema>,
) {
  const { userId } = actor;
  if (input.decision === "rejected" && !input.reason)
    throw new AppError("VALIDATION", { reason: "REPORT_REJECT_NEEDS_REASON", field: "reason" });
  const reviewedAt = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.fieldReport.updateMany({
      where: { workspaceId: workspace.id, id: input.reportId, status: "pending" },
      data: {
        status: input.decision,
        reviewReason: input.decision === "rejected" ? input.reason : null,
        reviewedBy: userId,
        reviewedAt,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", { reason: "REPORT_NOT_WAITING" });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId,
      action: input.decision === "approved" ? "report_approved" : "report_rejected",
      target: { type: "report", id: input.reportId },
    });
    return { status: input.decision, undoUntil: undoUntil(reviewedAt).toISOString() };
  });
}

/**
 * Takes a decision back: the report waits again. Allowed for REVIEW_UNDO_HOURS after the decision
 * (decisions/024), by any analyst or admin; the undo is recorded like the decision.
 */
export async function undoReview({ db, workspace, actor }: ServiceScope, reportId: string) {
  const { userId } = actor;
  return db.$transaction(async (tx) => {
    const report = await tx.fieldReport.findUnique({
      where: { workspaceId_id: { workspaceId: workspace.id, id: reportId } },
      select: { status: true, reviewedAt: true },
    });
    if (!report) throw new AppError("NOT_FOUND", "No such report in the workspace");
    if (report.status === "pending" || !report.reviewedAt)
      throw new AppError("CONFLICT", { reason: "REPORT_NO_DECISION" });
    if (undoUntil(report.reviewedAt).getTime() <= Date.now())
      throw new AppError("CONFLICT", {
        reason: "REPORT_UNDO_TOO_LATE",
        params: { hours: REVIEW_UNDO_HOURS },
      });
    // Only if nobody changed it since it was read.
    const { count } = await tx.fieldReport.updateMany({
      where: {
        workspaceId: workspace.id,
        id: reportId,
        status: report.status,
        reviewedAt: report.reviewedAt,
      },
      data: { status: "pending", reviewReason: null, reviewedBy: null, reviewedAt: null },
    });
    if (count === 0) throw new AppError("CONFLICT", { reason: "DECISION_CHANGED" });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId,
      action: "report_decision_undone",
      target: { type: "report", id: reportId },
      details: { kind: report.status },
    });
    return { status: "pending" as const };
  });
}
