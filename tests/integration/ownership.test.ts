import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { callerFor, loginAs } from "../support/caller.ts";
import { TINY_PNG } from "../support/images.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

type Caller = Awaited<ReturnType<typeof loginAs>>["caller"];

let testDb: TestDb;
let workspaceId: string;
let kommunId: string;
let tunabyggenId: string;
let polisId: string;
/** Members of Borlänge kommun, of Tunabyggen, and one whose membership names no organisation. */
let kommun: Caller;
let kommunColleague: Caller;
let tunabyggen: Caller;
let orphan: Caller;
let analyst: Caller;
let viewer: Caller;

const SLUG = "est-borlange";
// Mjälga-Centrum's centroid: inside Borlänge's districts.
const PLACE = { lon: 15.449798, lat: 60.48153 };
const PNG = TINY_PNG.toString("base64");
const FORBIDDEN = { code: "FORBIDDEN" };
// Another organisation's member: still FORBIDDEN over HTTP, with an app code the client words as "not yours".
const NOT_OWNER = { ...FORBIDDEN, cause: { code: "NOT_OWNER" } };

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  const workspace = await createWorkspace(db, { name: "EST Borlänge", slug: SLUG });
  workspaceId = workspace.id;
  const organization = (name: string, kind: "kommun" | "bostadsbolag" | "polis") =>
    createOrganization(db, { name, kind, workspaceIds: [workspaceId] });
  kommunId = (await organization("Borlänge kommun", "kommun")).id;
  tunabyggenId = (await organization("Tunabyggen", "bostadsbolag")).id;
  polisId = (await organization("LPO Borlänge", "polis")).id;
  const users: [string, "member" | "analyst" | "viewer", string | undefined][] = [
    ["gatukontoret@borlange.example", "member", kommunId],
    ["fritid@borlange.example", "member", kommunId],
    ["partner@tunabyggen.example", "member", tunabyggenId],
    ["utan-organisation@borlange.example", "member", undefined],
    ["analytiker@polisen.example", "analyst", polisId],
    ["lasare@borlange.example", "viewer", kommunId],
  ];
  for (const [email, role, organizationId] of users)
    await createUser(db, { email, memberships: [{ workspaceId, role, organizationId }] });
  await createBorlangeAreas(db, workspaceId);
  await createCategoryTree(db, workspaceId);
  const login = async (email: string) => (await loginAs(db, email, TEST_PASSWORD, SLUG)).caller;
  kommun = await login("gatukontoret@borlange.example");
  kommunColleague = await login("fritid@borlange.example");
  tunabyggen = await login("partner@tunabyggen.example");
  orphan = await login("utan-organisation@borlange.example");
  analyst = await login("analytiker@polisen.example");
  viewer = await login("lasare@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

describe("dialogues.recordResults", () => {
  const results = {
    attendance: 14,
    themes: [{ theme: "belysning" as const, strength: 3, areaCodes: ["2081C1090"] }],
    notes: "Anna (17) undviker gångtunneln efter skolan.",
  };
  const stored = async (dialogueId: string) => ({
    dialogue: await testDb.db.dialogue.findFirstOrThrow({
      where: { id: dialogueId },
      select: { attendance: true, notes: true, notesOrganizationId: true },
    }),
    themes: await testDb.db.dialogueTheme.findMany({
      where: { dialogueId },
      select: { theme: true, strength: true },
    }),
  });

  it("refuses a member of another organisation and changes nothing", async () => {
    const { id } = await kommun.dialogues.create({
      kind: "medborgardialog",
      format: "fokusgrupp",
      startsAt: "2026-10-20T17:00:00+02:00",
    });
    await kommun.dialogues.recordResults({ dialogueId: id, ...results });
    const before = await stored(id);
    expect(before.dialogue).toEqual({ attendance: 14, notes: results.notes, notesOrganizationId: kommunId });

    const erase = { dialogueId: id, attendance: 0, themes: [], notes: null };
    await expect(tunabyggen.dialogues.recordResults(erase)).rejects.toMatchObject({
      ...NOT_OWNER,
      message: expect.stringMatching(/belongs to another organisation/),
    });
    await expect(orphan.dialogues.recordResults(erase)).rejects.toMatchObject({
      ...FORBIDDEN,
      message: expect.stringMatching(/no organisation/),
    });
    await expect(viewer.dialogues.recordResults(erase)).rejects.toMatchObject(FORBIDDEN);
    expect(await stored(id)).toEqual(before);
    const listed = (await tunabyggen.dialogues.list()).find((d) => d.id === id);
    expect(listed).toMatchObject({ canRecordResults: false, notes: null, notesRestricted: true });
  });

  it("lets the dialogue's own organisation and an analyst record results", async () => {
    const { id } = await kommun.dialogues.create({
      kind: "medarbetardialog",
      format: "stormote",
      startsAt: "2026-10-21T09:00:00+02:00",
    });
    expect((await kommunColleague.dialogues.list()).find((d) => d.id === id)?.canRecordResults).toBe(true);
    await kommunColleague.dialogues.recordResults({ dialogueId: id, ...results });
    expect((await stored(id)).dialogue).toEqual({
      attendance: 14,
      notes: results.notes,
      notesOrganizationId: kommunId,
    });
    await analyst.dialogues.recordResults({ dialogueId: id, attendance: 20, themes: [], notes: null });
    expect(await stored(id)).toEqual({
      dialogue: { attendance: 20, notes: null, notesOrganizationId: kommunId },
      themes: [],
    });
  });

  it("refuses a member whose membership names no organisation a new dialogue", async () => {
    const before = await testDb.db.dialogue.count();
    await expect(
      orphan.dialogues.create({
        kind: "medborgardialog",
        format: "enkat",
        startsAt: "2026-12-01T10:00:00+01:00",
      }),
    ).rejects.toMatchObject({ ...FORBIDDEN, message: expect.stringMatching(/no organisation/) });
    expect(await testDb.db.dialogue.count()).toBe(before);
  });
});

describe("walks.changeStatus", () => {
  const addFinding = (caller: Caller, extra: Record<string, unknown> = {}) =>
    caller.walks.addFinding({
      walkId: null,
      ...PLACE,
      category: "belysning",
      description: "Gatlyktan vid gångtunneln är trasig.",
      severity: 2,
      ...extra,
    });
  const stored = async (findingId: string) => ({
    finding: await testDb.db.walkFinding.findFirstOrThrow({
      where: { id: findingId },
      select: { status: true, statusReason: true, ownerOrganizationId: true, ownerName: true },
    }),
    changes: await testDb.db.findingStatusChange.count({ where: { findingId } }),
  });

  it("refuses to close or reassign a finding owned by another organisation, even for its recorder", async () => {
    // Tunabyggen records it on a walk and hands it to the kommun: from then on it is the kommun's.
    const { id } = await addFinding(tunabyggen, { ownerOrganizationId: kommunId });
    const before = await stored(id);
    expect(before).toEqual({
      finding: { status: "tilldelad", statusReason: null, ownerOrganizationId: kommunId, ownerName: null },
      changes: 1,
    });
    await expect(
      tunabyggen.walks.changeStatus({ findingId: id, status: "avvisad", reason: "Inte vårt" }),
    ).rejects.toMatchObject({
      ...NOT_OWNER,
      message: expect.stringMatching(/belongs to another organisation/),
    });
    await expect(
      tunabyggen.walks.changeStatus({ findingId: id, status: "pagar", ownerOrganizationId: tunabyggenId }),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect(
      orphan.walks.changeStatus({ findingId: id, status: "avvisad", reason: "x" }),
    ).rejects.toMatchObject(FORBIDDEN);
    expect(await stored(id)).toEqual(before);
    const listed = (await tunabyggen.walks.findings({})).find((f) => f.id === id);
    expect(listed?.canChange).toBe(false);
  });

  it("lets the owning organisation's members and analysts move it on", async () => {
    const { id } = await addFinding(tunabyggen, { ownerOrganizationId: kommunId });
    expect((await kommun.walks.findings({})).find((f) => f.id === id)?.canChange).toBe(true);
    await kommun.walks.changeStatus({ findingId: id, status: "pagar" });
    await analyst.walks.changeStatus({ findingId: id, status: "atgardad", reason: "Ny armatur" });
    expect(await stored(id)).toEqual({
      finding: {
        status: "atgardad",
        statusReason: "Ny armatur",
        ownerOrganizationId: kommunId,
        ownerName: null,
      },
      changes: 3,
    });
  });

  it("leaves an unowned finding to the organisation that recorded it", async () => {
    const { id } = await addFinding(tunabyggen);
    expect(
      await testDb.db.walkFinding.findFirst({ where: { id }, select: { recordedByOrganizationId: true } }),
    ).toEqual({ recordedByOrganizationId: tunabyggenId });
    const before = await stored(id);
    await expect(
      kommun.walks.changeStatus({ findingId: id, status: "tilldelad", ownerOrganizationId: kommunId }),
    ).rejects.toMatchObject(FORBIDDEN);
    expect(await stored(id)).toEqual(before);
    await tunabyggen.walks.changeStatus({
      findingId: id,
      status: "tilldelad",
      ownerOrganizationId: kommunId,
    });
    expect((await stored(id)).finding).toMatchObject({ status: "tilldelad", ownerOrganizationId: kommunId });
  });

  it("refuses a member whose membership names no organisation a new finding", async () => {
    const before = await testDb.db.walkFinding.count();
    await expect(addFinding(orphan)).rejects.toMatchObject(FORBIDDEN);
    expect(await testDb.db.walkFinding.count()).toBe(before);
  });
});

describe("partner reports (the one reporting path, decisions/024)", () => {
  const totals = async () => ({
    incidents: await testDb.db.incident.aggregate({ _sum: { count: true }, _count: true }),
    reports: await testDb.db.fieldReport.count(),
  });
  const partnerReport = (extra: Record<string, unknown> = {}) => ({
    category: "klotter" as const,
    ...PLACE,
    occurredAt: "2026-01-05T20:00:00+01:00",
    description: "Klotter på gångbron.",
    ...extra,
  });

  beforeAll(async () => {
    // A police delivery already in the picture: no hand-written report may move it.
    const source = await testDb.db.dataSource.create({
      data: { workspaceId, kind: "police_delivery", name: "Polisen: anmälda brott", organizationId: polisId },
    });
    const [category, area] = await Promise.all([
      testDb.db.category.findFirstOrThrow({ where: { workspaceId, code: "995" } }),
      testDb.db.area.findFirstOrThrow({ where: { workspaceId, code: "2081C1090" } }),
    ]);
    await insertIncidents(
      testDb.db,
      workspaceId,
      [
        {
          dataSourceId: source.id,
          externalId: "K-1",
          categoryId: category.id,
          areaId: area.id,
          occurredFrom: new Date("2026-01-05T00:00:00Z"),
          registeredAt: new Date("2026-01-05T10:00:00Z"),
          count: 3,
        },
      ],
      "Europe/Stockholm",
    );
  });

  it("offers no way to write incidents by hand: police codes are refused as report categories, storing nothing", async () => {
    const before = await totals();
    expect(before.incidents._sum.count).toBe(3);
    expect("create" in (tunabyggen.incidents as object)).toBe(false);
    for (const caller of [tunabyggen, analyst])
      for (const category of ["995", "G-BEDRAGERI", "P-KLOTTER"])
        await expect(
          caller.reports.createPartner(partnerReport({ category }) as never),
        ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await totals()).toEqual(before);
  });

  it("refuses a member whose membership names no organisation, storing nothing", async () => {
    const before = await totals();
    await expect(orphan.reports.createPartner(partnerReport())).rejects.toMatchObject(FORBIDDEN);
    expect(await totals()).toEqual(before);
  });

  it("records a report under its reporter's organisation; a member's waits, an analyst's is approved as filed", async () => {
    const fromMember = await tunabyggen.reports.createPartner(partnerReport());
    const fromAnalyst = await analyst.reports.createPartner(partnerReport());
    expect([fromMember.status, fromAnalyst.status]).toEqual(["pending", "approved"]);
    const stored = await testDb.db.fieldReport.findMany({
      where: { id: { in: [fromMember.id, fromAnalyst.id] } },
      select: { id: true, organizationId: true, reviewedBy: true },
    });
    const of = (id: string) => stored.find((r) => r.id === id);
    expect(of(fromMember.id)).toMatchObject({ organizationId: tunabyggenId, reviewedBy: null });
    expect(of(fromAnalyst.id)?.organizationId).toBe(polisId);
    expect(of(fromAnalyst.id)?.reviewedBy).not.toBeNull();
    // Neither moved the incident figures: approved reports are their own layer.
    expect((await totals()).incidents._sum.count).toBe(3);
  });

  it("shows a member its organisation's reports and refuses another organisation's", async () => {
    const own = await tunabyggen.reports.createPartner(
      partnerReport({ description: "Tunabyggens rapport." }),
    );
    const kommunsListing = await kommun.reports.mine({ scope: "organization" });
    expect(kommunsListing.map((r) => r.id)).not.toContain(own.id);
    await expect(kommun.reports.mineOne({ reportId: own.id })).rejects.toMatchObject(FORBIDDEN);
    await expect(viewer.reports.mine({ scope: "organization" })).rejects.toMatchObject(FORBIDDEN);
    await expect(tunabyggen.reports.mineOne({ reportId: own.id })).resolves.toMatchObject({
      id: own.id,
      status: "pending",
      organizationName: "Tunabyggen",
      isOwn: true,
    });
    await expect(analyst.reports.mineOne({ reportId: own.id })).resolves.toMatchObject({ id: own.id });
  });
});

describe("reading findings and photos", () => {
  let findingId: string;
  let photoId: string;

  beforeAll(async () => {
    ({ id: findingId } = await tunabyggen.walks.addFinding({
      walkId: null,
      ...PLACE,
      category: "klotter",
      description: "Klotter med namnet Kalle på tunneln.",
      severity: 1,
      ownerName: "Kalle Karlsson, fastighetsskötare",
      photos: [PNG],
    }));
    const photo = await testDb.db.photo.findFirstOrThrow({ where: { findingId }, select: { id: true } });
    photoId = photo.id;
  });

  it("gives viewers and other organisations' members no free text, names or photos", async () => {
    for (const caller of [viewer, kommun]) {
      const listed = (await caller.walks.findings({})).find((f) => f.id === findingId);
      expect(listed).toMatchObject({
        category: "klotter",
        status: "tilldelad",
        description: "",
        isRestricted: true,
        owner: null,
        photoIds: [],
        canChange: false,
      });
      expect(listed?.history.map((h) => [h.to, h.by, h.reason])).toEqual([["tilldelad", null, null]]);
      expect(JSON.stringify(await caller.walks.findings({}))).not.toContain("Kalle");
      await expect(caller.walks.photo({ photoId })).rejects.toMatchObject(FORBIDDEN);
    }
  });

  it("shows them to the recording organisation and to analysts", async () => {
    for (const caller of [tunabyggen, analyst]) {
      const listed = (await caller.walks.findings({})).find((f) => f.id === findingId);
      expect(listed).toMatchObject({
        description: "Klotter med namnet Kalle på tunneln.",
        isRestricted: false,
        owner: "Kalle Karlsson, fastighetsskötare",
        photoIds: [photoId],
      });
      expect(listed?.history[0]?.by).toBe("partner");
      await expect(caller.walks.photo({ photoId })).resolves.toMatchObject({ contentType: "image/png" });
    }
  });

  it("serves a citizen report's photo to its reviewers only", async () => {
    const { caller: citizen } = callerFor(testDb.db, { clientIp: "10.0.0.9" });
    const { id: reportId } = await citizen.reports.citizen({
      workspace: SLUG,
      category: "belysning",
      ...PLACE,
      occurredAt: "2026-11-14T20:30:00+01:00",
      description: "Gatlyktan är trasig.",
      photo: PNG,
    });
    const reportPhoto = await testDb.db.photo.findFirstOrThrow({ where: { reportId }, select: { id: true } });
    for (const caller of [viewer, tunabyggen, kommun])
      await expect(caller.walks.photo({ photoId: reportPhoto.id })).rejects.toMatchObject(FORBIDDEN);
    await expect(analyst.walks.photo({ photoId: reportPhoto.id })).resolves.toMatchObject({
      contentType: "image/png",
    });
  });
});
