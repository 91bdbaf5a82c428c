import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { LIMITS } from "../../../shared/field.ts";
import type { CitizenReportInputSchema, PartnerReportInputSchema } from "../../../shared/schemas/field.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { createRateLimiter } from "../../rate-limit.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { actsAcrossWorkspace, organizationForNewRecord } from "../access/ownership.ts";
import { districtAt, getDistrictGeometries } from "../areas/areas.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
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
  afterCreate?: (tx: Transaction, report: { id: string }) => Promise<void>,
) {
  const photo = data.input.photo ? await checkPhoto(data.input.photo) : null;
  const occurredAt = new Date(data.input.occurredAt);
  if (occurredAt.getTime() > Date.now() + 5 * 60_000)
    throw new AppError("VALIDATION", { reason: "OCCURRED_IN_FUTURE", field: "occurredAt" });
  const district = await districtAt({ db, workspace: { id: workspaceId } }, [data.input.lon, data.input.lat]);
  if (!district) throw new AppError("VALIDATION", { reason: "PLACE_OUTSIDE_AREAS", field: "lon" });
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
      select: { id: true, status: true },
    });
    if (photo) await insertPhoto(tx, workspaceId, { reportId: report.id }, photo);
    await afterCreate?.(tx, report);
    return report;
  });
}

/**
 * The one way partners report (decisions/024). A member reports for its organisation and the
 * report waits for an analyst's review; an analyst's or admin's own report is approved as it is
 * filed (they are the reviewers), recorded as their decision and in the audit log.
 */
export async function createPartnerReport(
  scope: ServiceScope,
  input: z.output<typeof PartnerReportInputSchema>,
): Promise<{ id: string; status: "pending" | "approved" | "rejected" }> {
  const { actor } = scope;
  const organizationId = organizationForNewRecord(actor);
  const filed = () => alreadyFiled(scope.db, scope.workspace.id, actor.userId, input.submissionId);
  const earlier = await filed();
  if (earlier) return earlier;
  // A place from the address list is where the report is: its own point, and its name kept.
  const place = input.placeId ? await placeOf(scope.db, scope.workspace.id, input.placeId) : null;
  const isReviewer = actsAcrossWorkspace(actor);
  const store = () =>
    storeReport(
      scope.db,
      scope.workspace.id,
      {
        kind: "partner",
        input: place ? { ...input, lon: place.lon, lat: place.lat } : input,
        extra: {
          reporterUserId: actor.userId,
          organizationId,
          placeName: place?.name ?? null,
          submissionId: input.submissionId,
          createsInsecurity: input.createsInsecurity,
          assessment: input.assessment,
          ...(isReviewer ? { status: "approved", reviewedBy: actor.userId, reviewedAt: new Date() } : {}),
        },
      },
      async (tx, report) => {
        if (!isReviewer) return;
        await recordAudit(tx, {
          workspaceId: scope.workspace.id,
          userId: actor.userId,
          action: "report_approved",
          target: { type: "report", id: report.id },
          details: { kind: "own_report" },
        });
      },
    );
  try {
    return await store();
  } catch (error) {
    // Two taps at once: the unique submission id let one through; answer with that one.
    const winner = await filed();
    if (winner) return winner;
    throw error;
  }
}

async function alreadyFiled(db: Db, workspaceId: string, userId: string, submissionId: string | null) {
  if (!submissionId) return null;
  const report = await db.fieldReport.findUnique({
    where: { workspaceId_submissionId: { workspaceId, submissionId } },
    select: { id: true, status: true, reporterUserId: true },
  });
  if (!report) return null;
  if (report.reporterUserId !== userId)
    throw new AppError("CONFLICT", { reason: "REPORT_ALREADY_SENT", field: "submissionId" });
  return { id: report.id, status: report.status };
}

async function placeOf(db: Db, workspaceId: string, placeId: string) {
  const place = await db.place.findUnique({
    where: { workspaceId_id: { workspaceId, id: placeId } },
    select: { name: true, lon: true, lat: true },
  });
  if (!place) throw new AppError("VALIDATION", { reason: "PLACE_NOT_IN_LIST", field: "placeId" });
  return place;
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
  if (input.website.trim() !== "")
    throw new AppError("VALIDATION", { reason: "FORM_NOT_SENT", field: "website" });
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

/** Public: what the report form needs to place a point, the kommun's name and its districts (public data). */
export async function citizenReportForm(db: Db, slug: string) {
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!workspace) throw new AppError("NOT_FOUND", "No such kommun");
  return { name: workspace.name, geometries: await getDistrictGeometries({ db, workspace }) };
}
