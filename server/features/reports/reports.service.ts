import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { LIMITS } from "../../../shared/field.ts";
import type { Role } from "../../../shared/roles.ts";
import type {
  CitizenReportInputSchema,
  PartnerReportInputSchema,
  ReviewInputSchema,
} from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { createRateLimiter } from "../../rate-limit.ts";
import { organizationForNewRecord, resolveActor } from "../access/ownership.ts";
import { districtAt } from "../areas/areas.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { checkPhoto } from "./photo-check.ts";
import { insertPhoto } from "./photos.ts";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const citizenLimiter = createRateLimiter({
  windowMs: LIMITS.citizenWindowMs,
  max: LIMITS.citizenReportsPerWindow,
});

async function storeReport(
  db: Db,
  workspaceId: string,
  data: {
    kind: "partner" | "citizen";
    input: z.output<typeof PartnerReportInputSchema> | z.output<typeof CitizenReportInputSchema>;
    extra: Record<string, unknown>;
  },
) {
  const photo = data.input.photo ? await checkPhoto(data.input.photo) : null;
  const occurredAt = new Date(data.input.occurredAt);
  if (occurredAt.getTime() > Date.now() + 5 * 60_000)
    throw new AppError("VALIDATION", "occurredAt: lies in the future");
  const district = await districtAt(db, workspaceId, [data.input.lon, data.input.lat]);
  if (!district) throw new AppError("VALIDATION", "lon/lat: the place is outside the kommun's areas");
  return db.$transaction(async (tx) => {
    const report = await tx.fieldReport.create({
      data: {
        workspaceId,
        kind: data.kind,
        category: data.input.category,
        lon: data.input.lon,
        lat: data.input.lat,
        areaId: district.id,
        occurredAt,
        description: data.input.description,
        ...data.extra,
      },
      select: { id: true },
    });
    if (photo) await insertPhoto(tx, workspaceId, { reportId: report.id }, photo);
    return report;
  });
}

/** A partner's staff member (of an organisation, if a member) reports from the field; it waits for review. */
export async function createPartnerReport(
  scope: { db: Db; workspace: CurrentWorkspace; role: Role; user: { id: string } },
  input: z.output<typeof PartnerReportInputSchema>,
) {
  organizationForNewRecord(await resolveActor(scope));
  return storeReport(scope.db, scope.workspace.id, {
    kind: "partner",
    input,
    extra: {
      reporterUserId: scope.user.id,
      createsInsecurity: input.createsInsecurity,
      assessment: input.assessment,
    },
  });
}

/**
 * A citizen's report from the public page: no login, so it is held to limits (per client address,
 * size, a honeypot) and goes to moderation. The reporter gets a token for following it; only the
 * token's hash is stored.
 */
export async function createCitizenReport(
  { db, clientIp }: { db: Db; clientIp: string },
  input: z.output<typeof CitizenReportInputSchema>,
) {
  const workspace = await db.workspace.findUnique({ where: { slug: input.workspace }, select: { id: true } });
  if (!workspace) throw new AppError("NOT_FOUND", "No such kommun");
  const key = `${workspace.id}:${clientIp}`;
  if (citizenLimiter.isLimited(key))
    throw new AppError("RATE_LIMITED", "Too many reports from this address; wait a while and try again");
  citizenLimiter.hit(key);
  // Bots fill every field; people never see this one. Refused like any invalid input.
  if (input.website.trim() !== "") throw new AppError("VALIDATION", "website: must be empty");
  const token = randomBytes(24).toString("base64url");
  const report = await storeReport(db, workspace.id, {
    kind: "citizen",
    input,
    extra: { contact: input.contact, followTokenHash: hashToken(token) },
  });
  return { id: report.id, followToken: token };
}

/** What the reporter may see of their own report, by its token: nothing of anyone else's. */
export async function citizenReportStatus(db: Db, token: string) {
  const report = await db.fieldReport.findUnique({
    where: { followTokenHash: hashToken(token) },
    select: { category: true, status: true, createdAt: true, reviewedAt: true, reviewReason: true },
  });
  if (!report) throw new AppError("NOT_FOUND", "No report with this link");
  return {
    category: report.category,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    reason: report.status === "rejected" ? report.reviewReason : null,
  };
}

/** The review queue (and recent decisions) for analysts: description, contact and photos included. */
export async function listReports(
  { db, workspace }: { db: Db; workspace: CurrentWorkspace },
  status: string,
) {
  const reports = await db.fieldReport.findMany({
    where: { workspaceId: workspace.id, status: status as "pending" | "approved" | "rejected" },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const [areas, photos] = await Promise.all([
    db.area.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true } }),
    db.photo.findMany({
      where: { workspaceId: workspace.id, reportId: { in: reports.map((r) => r.id) } },
      select: { id: true, reportId: true },
    }),
  ]);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  return reports.map((r) => ({
    id: r.id,
    kind: r.kind,
    category: r.category,
    lon: r.lon,
    lat: r.lat,
    areaName: r.areaId ? (areaName.get(r.areaId) ?? null) : null,
    occurredAt: r.occurredAt.toISOString(),
    description: r.description,
    createsInsecurity: r.createsInsecurity,
    assessment: r.assessment,
    contact: r.contact,
    status: r.status,
    reviewReason: r.reviewReason,
    photoIds: photos.filter((p) => p.reportId === r.id).map((p) => p.id),
  }));
}

/** Approve (it enters the picture) or reject with a reason that is kept. */
export async function reviewReport(
  { db, workspace, userId }: { db: Db; workspace: CurrentWorkspace; userId: string },
  input: z.output<typeof ReviewInputSchema>,
) {
  if (input.decision === "rejected" && !input.reason)
    throw new AppError("VALIDATION", "reason: a rejected report needs a reason");
  const { count } = await db.fieldReport.updateMany({
    where: { workspaceId: workspace.id, id: input.reportId, status: "pending" },
    data: { status: input.decision, reviewReason: input.reason, reviewedBy: userId, reviewedAt: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", "The report is not waiting for review");
  return { status: input.decision };
}
