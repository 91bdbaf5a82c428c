import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenLimiter } from "../../server/features/reports/reports.service.ts";
import { LIMITS } from "../../shared/field.ts";
import { callerFor, type loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import { TINY_PNG } from "../support/images.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];
let partner: Awaited<ReturnType<typeof loginAs>>["caller"];
let viewer: Awaited<ReturnType<typeof loginAs>>["caller"];

// Mjälga-Centrum's centroid: inside Borlänge's districts.
const PLACE = { lon: 15.449798, lat: 60.48153 };
const PNG = TINY_PNG;

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  partner = await demoCaller(testDb.db, "partner@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

const citizen = (clientIp: string) => callerFor(testDb.db, { clientIp }).caller;
const report = (overrides: Record<string, unknown> = {}) => ({
  workspace: "est-borlange",
  category: "belysning" as const,
  ...PLACE,
  occurredAt: "2026-11-14T20:30:00+01:00",
  description: "Gatlyktan vid gångtunneln är trasig sedan en vecka.",
  contact: "boende@example.se",
  ...overrides,
});

describe("trygghetsvandringar", () => {
  it("records a walk with findings, a photo, and a finding's life with who and when", async () => {
    const walk = await partner.walks.create({
      areaCode: "2081C1090",
      startsAt: "2026-11-10T18:00:00+01:00",
      meetingPlace: "Stationsplanen",
      stops: ["Gångtunneln", "Lekparken"],
      organizers: "Borlänge kommun, Tunabyggen",
      participants: { boende: 12, polis: 2, bostadsbolag: 3 },
    });
    const finding = (n: number, extra: Record<string, unknown> = {}) =>
      partner.walks.addFinding({
        walkId: walk.id,
        lon: PLACE.lon + n * 0.001,
        lat: PLACE.lat,
        category: "belysning",
        description: `Fynd ${n}`,
        severity: 2,
        ...extra,
      });
    const [first] = await Promise.all([
      finding(1, { photos: [PNG.toString("base64"), PNG.toString("base64")] }),
      finding(2, { ownerName: "Borlänge Energi", dueOn: "2026-12-01" }),
      finding(3, { category: "vegetation" }),
    ]);
    // The recording organisation's member sees the free text and photos.
    const listed = await partner.walks.findings({ walkId: walk.id });
    expect(listed).toHaveLength(3);
    expect(listed.find((f) => f.description === "Fynd 1")?.photoIds).toHaveLength(2);
    await expect(
      finding(4, { photos: Array.from({ length: 5 }, () => PNG.toString("base64")) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await viewer.walks.findings({ walkId: walk.id })).toHaveLength(3);
    expect(listed.find((f) => f.description === "Fynd 2")?.status).toBe("tilldelad");
    expect(listed.every((f) => f.areaName === "Mjälga-Centrum" || f.areaName !== null)).toBe(true);
    const photoId = listed.find((f) => f.description === "Fynd 1")?.photoIds[0] ?? "";
    const photo = await partner.walks.photo({ photoId });
    expect(photo.contentType).toBe("image/png");
    // Re-encoded on the way in (metadata dropped): the same picture, not the same bytes.
    await expect(sharp(Buffer.from(photo.base64, "base64")).metadata()).resolves.toMatchObject({
      format: "png",
      width: 1,
      height: 1,
    });

    // Assigning needs someone responsible; then pågår → åtgärdad.
    const id = first?.id ?? "";
    await expect(partner.walks.changeStatus({ findingId: id, status: "tilldelad" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await partner.walks.changeStatus({ findingId: id, status: "tilldelad", ownerName: "Gatukontoret" });
    await analyst.walks.changeStatus({ findingId: id, status: "pagar" });
    await analyst.walks.changeStatus({ findingId: id, status: "atgardad", reason: "Ny armatur" });
    await expect(analyst.walks.changeStatus({ findingId: id, status: "pagar" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const closed = (await analyst.walks.findings({ walkId: walk.id })).find((f) => f.id === id);
    expect(closed?.status).toBe("atgardad");
    expect(closed?.history.map((h) => [h.from, h.to, h.by])).toEqual([
      [null, "ny", "Maria Bovärd"],
      ["ny", "tilldelad", "Maria Bovärd"],
      ["tilldelad", "pagar", "Per Polisanalytiker"],
      ["pagar", "atgardad", "Per Polisanalytiker"],
    ]);
    // Rejecting needs a reason; viewers cannot write.
    const third = listed.find((f) => f.description === "Fynd 3")?.id ?? "";
    await expect(analyst.walks.changeStatus({ findingId: third, status: "avvisad" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      viewer.walks.addFinding({
        walkId: walk.id,
        ...PLACE,
        category: "klotter",
        description: "x",
        severity: 1,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The status filter: of this walk only the closed finding; beside the demo's walks only closed ones.
    expect(
      (await viewer.walks.findings({ walkId: walk.id, statuses: ["atgardad"] })).map((f) => f.id),
    ).toEqual([id]);
    const closedAnywhere = await viewer.walks.findings({ statuses: ["atgardad"] });
    expect(closedAnywhere.map((f) => f.id)).toContain(id);
    expect(closedAnywhere.every((f) => f.status === "atgardad")).toBe(true);
    // The district picture counts a walk's findings in the walk's week, whenever they were typed in.
    const walkWeek = { period: { kind: "week" as const, date: "2026-11-10" } };
    const onMap = (await viewer.overview.fieldLayers(walkWeek)).findings.filter((f) => f.walkId === walk.id);
    expect(onMap).toHaveLength(listed.filter((f) => f.areaName !== null).length);
    const stats = await viewer.overview.districtStats(walkWeek);
    expect(stats.total.findings).toBeGreaterThanOrEqual(onMap.length);
    expect(stats.total.findings).toBeGreaterThan(0);
  });
});

describe("citizen reports", () => {
  it("go to moderation, and the reporter follows only their own report by its link", async () => {
    const filed = await citizen("10.0.0.1").reports.citizen(report({ photo: PNG.toString("base64") }));
    expect(filed.followToken.length).toBeGreaterThan(20);
    const anonymous = citizen("10.0.0.1");
    await expect(anonymous.reports.citizenStatus({ token: filed.followToken })).resolves.toMatchObject({
      status: "pending",
      category: "belysning",
    });
    await expect(anonymous.reports.citizenStatus({ token: "x".repeat(32) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(viewer.reports.queue({ status: "pending" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const queue = await analyst.reports.queue({ status: "pending" });
    const mine = queue.find((r) => r.id === filed.id);
    expect(mine).toMatchObject({ contact: "boende@example.se", areaName: "Mjälga-Centrum", kind: "citizen" });
    expect(mine?.photoIds).toHaveLength(1);
    await analyst.reports.review({ reportId: filed.id, decision: "approved" });
    await expect(anonymous.reports.citizenStatus({ token: filed.followToken })).resolves.toMatchObject({
      status: "approved",
    });
    await expect(
      analyst.reports.review({ reportId: filed.id, decision: "rejected", reason: "x" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Approved, it counts in the district picture beside the incidents (it happened 14 November).
    const stats = await analyst.overview.districtStats({
      period: { kind: "week", date: "2026-11-14" },
      areaCodes: ["2081C1090"],
    });
    expect(stats.rows[0]?.reports).toBe(1);
    // Only the token's hash is stored.
    const stored = await testDb.db.fieldReport.findFirst({ where: { id: filed.id } });
    expect(stored?.followTokenHash).not.toBe(filed.followToken);
  });

  it("rejects oversized, malformed and rapid-fire submissions with errors naming the problem", async () => {
    const caller = citizen("10.0.0.2");
    const tooLong = await caller.reports
      .citizen(report({ description: "x".repeat(LIMITS.descriptionChars + 1) }))
      .catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify((tooLong as { shape?: unknown }).shape ?? tooLong)).toContain("description");
    await expect(
      caller.reports.citizen(report({ photo: Buffer.from("<svg onload=alert(1)>").toString("base64") })),
    ).rejects.toThrow(/not a JPEG, PNG or WebP/);
    await expect(
      caller.reports.citizen(
        report({ photo: Buffer.concat([PNG, Buffer.alloc(LIMITS.photoBytes)]).toString("base64") }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.reports.citizen(report({ lon: 18.06, lat: 59.33 }))).rejects.toThrow(/outside/);
    await expect(caller.reports.citizen(report({ occurredAt: "igår" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // The honeypot field: a bot gets a plain refusal (the field is named in the error's data).
    await expect(caller.reports.citizen(report({ website: "http://spam.example" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { detail: { reason: "FORM_NOT_SENT", field: "website" } },
    });

    citizenLimiter.reset(
      `${(await testDb.db.workspace.findFirstOrThrow({ where: { slug: "est-borlange" } })).id}:10.0.0.3`,
    );
    const rapid = citizen("10.0.0.3");
    for (let i = 0; i < LIMITS.citizenReportsPerWindow; i++) await rapid.reports.citizen(report());
    await expect(rapid.reports.citizen(report())).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another address is not affected.
    await expect(citizen("10.0.0.4").reports.citizen(report())).resolves.toHaveProperty("followToken");
    // Nothing of the refused submissions was stored (the demo's own citizen reports say other things).
    const stored = await testDb.db.fieldReport.count({
      where: { kind: "citizen", description: report().description },
    });
    expect(stored).toBe(1 + LIMITS.citizenReportsPerWindow + 1);
  });
});

describe("partner reports", () => {
  it("are filed by partner staff and reviewed by an analyst, a rejection keeping its reason", async () => {
    const filed = await partner.reports.createPartner({
      category: "samling",
      ...PLACE,
      occurredAt: "2026-11-14T22:00:00+01:00",
      description: "Ett tiotal unga vid entrén, boende vågar inte gå in.",
      createsInsecurity: true,
      assessment: "Skapar otrygghet",
    });
    await expect(analyst.reports.review({ reportId: filed.id, decision: "rejected" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await analyst.reports.review({
      reportId: filed.id,
      decision: "rejected",
      reason: "Dubblett av polisens händelse",
    });
    const decided = await analyst.reports.queue({ status: "decided" });
    expect(decided.find((r) => r.id === filed.id)).toMatchObject({
      status: "rejected",
      organizationName: "Tunabyggen",
      reviewReason: "Dubblett av polisens händelse",
      createsInsecurity: true,
    });
    await expect(
      viewer.reports.createPartner({
        category: "samling",
        ...PLACE,
        occurredAt: "2026-11-14T22:00:00+01:00",
        description: "x",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
