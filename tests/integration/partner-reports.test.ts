import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REVIEW_UNDO_HOURS } from "../../shared/field.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createDemoPlaces } from "../../prisma/factories/place.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// The one reporting path (docs/decisions/024): a partner's report waits for review, shows under
// Mina rapporter with its status, is decided in the queue (with the audit log recording who and
// when) and can be undone for a day.

type Caller = Awaited<ReturnType<typeof loginAs>>["caller"];

let testDb: TestDb;
let workspaceId: string;
let tunabyggenId: string;
let bovard: Caller;
let colleague: Caller;
let kommun: Caller;
let analyst: Caller;
let analystId: string;
let viewer: Caller;

const SLUG = "est-borlange";
// Mjälga-Centrum's centroid (2081C1090), inside Borlänge's districts.
const PLACE = { lon: 15.449798, lat: 60.48153 };
const report = (extra: Record<string, unknown> = {}) => ({
  category: "samling" as const,
  ...PLACE,
  occurredAt: "2026-11-28T21:00:00+01:00",
  description: "Unga samlas vid port C; boende vågar inte gå in.",
  createsInsecurity: true,
  ...extra,
});

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  workspaceId = (await createWorkspace(db, { name: "EST Borlänge", slug: SLUG })).id;
  const organization = (name: string, kind: "kommun" | "bostadsbolag" | "polis") =>
    createOrganization(db, { name, kind, workspaceIds: [workspaceId] });
  tunabyggenId = (await organization("Tunabyggen", "bostadsbolag")).id;
  const kommunId = (await organization("Borlänge kommun", "kommun")).id;
  const polisId = (await organization("LPO Borlänge", "polis")).id;
  const users: [string, "member" | "analyst" | "viewer", string][] = [
    ["bovard@tunabyggen.example", "member", tunabyggenId],
    ["trygghetsvard@tunabyggen.example", "member", tunabyggenId],
    ["gatukontoret@borlange.example", "member", kommunId],
    ["analytiker@polisen.example", "analyst", polisId],
    ["lasare@borlange.example", "viewer", kommunId],
  ];
  for (const [email, role, organizationId] of users)
    await createUser(db, { email, memberships: [{ workspaceId, role, organizationId }] });
  await createBorlangeAreas(db, workspaceId);
  await createCategoryTree(db, workspaceId);
  await createDemoPlaces(db, workspaceId, 4);
  const login = async (email: string) => (await loginAs(db, email, TEST_PASSWORD, SLUG)).caller;
  bovard = await login("bovard@tunabyggen.example");
  colleague = await login("trygghetsvard@tunabyggen.example");
  kommun = await login("gatukontoret@borlange.example");
  analyst = await login("analytiker@polisen.example");
  viewer = await login("lasare@borlange.example");
  analystId = (await db.user.findFirstOrThrow({ where: { email: "analytiker@polisen.example" } })).id;
});

afterAll(async () => {
  await testDb?.close();
});

const auditOf = (reportId: string) =>
  testDb.db.auditEntry.findMany({
    // Decisions only; reading the report (mineOne) is recorded too, as reports_read.
    where: {
      workspaceId,
      targetType: "report",
      targetId: reportId,
      action: { in: ["report_approved", "report_rejected", "report_decision_undone"] },
    },
    select: { action: true, actorUserId: true, actorRole: true, at: true, details: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

describe("filing", () => {
  it("a member's report waits for review, keeps its organisation and the address-list place, and counts only once approved", async () => {
    const place = await testDb.db.place.findFirstOrThrow({
      where: { workspaceId },
      orderBy: { name: "asc" },
    });
    const before = (await analyst.reports.pendingCount()).count;
    const filed = await bovard.reports.createPartner(report({ placeId: place.id, lon: 15.3, lat: 60.4 }));
    expect(filed.status).toBe("pending");
    expect((await analyst.reports.pendingCount()).count).toBe(before + 1);
    const [queued] = (await analyst.reports.queue({ status: "pending" })).filter((r) => r.id === filed.id);
    // The place from the list wins over the point sent with it.
    expect(queued).toMatchObject({
      organizationName: "Tunabyggen",
      placeName: place.name,
      lon: place.lon,
      lat: place.lat,
      kind: "partner",
    });
    const week = { period: { kind: "week" as const, date: "2026-11-28" } };
    const reportsIn = async () =>
      (await analyst.overview.districtStats(week)).rows.reduce((sum, row) => sum + (row.reports ?? 0), 0);
    const waiting = await reportsIn();
    await analyst.reports.review({ reportId: filed.id, decision: "approved" });
    expect(await reportsIn()).toBe(waiting + 1);
    expect((await analyst.reports.pendingCount()).count).toBe(before);
  });

  it("files a report once however often the same submission arrives, and refuses a place from nowhere", async () => {
    const submissionId = "0193a7c0-1111-7000-8000-000000000001";
    const count = () => testDb.db.fieldReport.count({ where: { workspaceId, submissionId } });
    const [first, second] = await Promise.all([
      bovard.reports.createPartner(report({ submissionId })),
      bovard.reports.createPartner(report({ submissionId })),
    ]);
    const third = await bovard.reports.createPartner(report({ submissionId }));
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);
    expect(await count()).toBe(1);
    // Another person cannot reuse it to learn of or overwrite the report.
    await expect(kommun.reports.createPartner(report({ submissionId }))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      bovard.reports.createPartner(report({ placeId: "0193a7c0-2222-7000-8000-000000000002" })),
    ).rejects.toThrow(/not in the workspace.s address list/);
  });

  it("refuses viewers, and police crime codes as categories", async () => {
    await expect(viewer.reports.createPartner(report())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bovard.reports.createPartner(report({ category: "995" }) as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("Mina rapporter", () => {
  let mine: string;
  let colleagues: string;

  beforeAll(async () => {
    mine = (await bovard.reports.createPartner(report({ description: "Bovärdens rapport." }))).id;
    colleagues = (await colleague.reports.createPartner(report({ description: "Kollegans rapport." }))).id;
    await analyst.reports.review({ reportId: colleagues, decision: "rejected", reason: "Dubblett." });
  });

  it("lists the organisation's reports with their status and a rejection's reason, or only one's own", async () => {
    const organization = await bovard.reports.mine({ scope: "organization" });
    const byId = (id: string) => organization.find((r) => r.id === id);
    expect(byId(mine)).toMatchObject({ status: "pending", isOwn: true, reviewReason: null });
    expect(byId(colleagues)).toMatchObject({
      status: "rejected",
      isOwn: false,
      reviewReason: "Dubblett.",
      reporterName: expect.any(String),
    });
    expect(organization.every((r) => r.organizationName === "Tunabyggen")).toBe(true);
    const own = await bovard.reports.mine({ scope: "own" });
    expect(own.map((r) => r.id)).toContain(mine);
    expect(own.map((r) => r.id)).not.toContain(colleagues);
  });

  it("shows another organisation's member none of them, and refuses it the report's page", async () => {
    const listed = await kommun.reports.mine({ scope: "organization" });
    expect(listed.map((r) => r.id)).not.toContain(mine);
    expect(listed.every((r) => r.organizationName === "Borlänge kommun")).toBe(true);
    await expect(kommun.reports.mineOne({ reportId: mine })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(colleague.reports.mineOne({ reportId: mine })).resolves.toMatchObject({ id: mine });
    await expect(viewer.reports.mine({ scope: "organization" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("deciding and undoing", () => {
  it("records who approved and when, lists the decision, and undoes it within the day", async () => {
    const { id } = await bovard.reports.createPartner(report());
    const pending = (await analyst.reports.pendingCount()).count;
    const decided = await analyst.reports.review({ reportId: id, decision: "approved" });
    expect(Date.parse(decided.undoUntil) - Date.now()).toBeGreaterThan((REVIEW_UNDO_HOURS - 1) * 3_600_000);
    expect((await analyst.reports.pendingCount()).count).toBe(pending - 1);
    const listed = (await analyst.reports.queue({ status: "decided" })).find((r) => r.id === id);
    expect(listed).toMatchObject({ status: "approved", canUndo: true, reviewedByName: expect.any(String) });
    expect((await bovard.reports.mineOne({ reportId: id })).status).toBe("approved");

    await analyst.reports.undoReview({ reportId: id });
    expect((await bovard.reports.mineOne({ reportId: id })).status).toBe("pending");
    expect((await analyst.reports.pendingCount()).count).toBe(pending);
    const stored = await testDb.db.fieldReport.findFirstOrThrow({ where: { id } });
    expect([stored.reviewedBy, stored.reviewedAt, stored.reviewReason]).toEqual([null, null, null]);
    expect(
      (await auditOf(id)).map(({ action, actorUserId, actorRole }) => ({ action, actorUserId, actorRole })),
    ).toEqual([
      { action: "report_approved", actorUserId: analystId, actorRole: "analyst" },
      { action: "report_decision_undone", actorUserId: analystId, actorRole: "analyst" },
    ]);
    // Waiting again, it can be decided anew; a second undo of nothing is refused.
    await expect(analyst.reports.undoReview({ reportId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    await analyst.reports.review({ reportId: id, decision: "rejected", reason: "Fel område." });
    expect(await bovard.reports.mineOne({ reportId: id })).toMatchObject({
      status: "rejected",
      reviewReason: "Fel område.",
    });
  });

  it("refuses an undo once the day has passed, and to members", async () => {
    const { id } = await bovard.reports.createPartner(report());
    await analyst.reports.review({ reportId: id, decision: "approved" });
    await expect(bovard.reports.undoReview({ reportId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await testDb.db.fieldReport.update({
      where: { workspaceId_id: { workspaceId, id } },
      data: { reviewedAt: new Date(Date.now() - (REVIEW_UNDO_HOURS * 3_600_000 + 60_000)) },
    });
    await expect(analyst.reports.undoReview({ reportId: id })).rejects.toThrow(/no longer be undone/);
    expect((await bovard.reports.mineOne({ reportId: id })).status).toBe("approved");
    expect((await analyst.reports.queue({ status: "decided" })).find((r) => r.id === id)?.canUndo).toBe(
      false,
    );
  });

  it("approves an analyst's own report as it is filed, recorded as the analyst's decision", async () => {
    const { id, status } = await analyst.reports.createPartner(report());
    expect(status).toBe("approved");
    expect(await auditOf(id)).toMatchObject([
      { action: "report_approved", actorUserId: analystId, details: { kind: "own_report" } },
    ]);
    expect((await analyst.reports.queue({ status: "pending" })).map((r) => r.id)).not.toContain(id);
  });
});
