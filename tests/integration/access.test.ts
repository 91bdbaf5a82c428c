import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { callerFor, loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let jarfalla: { id: string; slug: string };
let upplandsBro: { id: string; slug: string };
let borlange: { id: string; slug: string };

// Mjälga-Centrum's centroid (DeSO 2081C1090).
const REPORT = {
  category: "klotter" as const,
  lon: 15.449798,
  lat: 60.48153,
  occurredAt: "2026-01-05T20:00:00+01:00",
  description: "Klotter på gångbron.",
};

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  jarfalla = await createWorkspace(db, { name: "EST Järfälla", slug: "est-jarfalla" });
  upplandsBro = await createWorkspace(db, { name: "EST Upplands-Bro", slug: "est-upplands-bro" });
  borlange = await createWorkspace(db, { name: "EST Borlänge", slug: "est-borlange" });
  const polis = await createOrganization(db, {
    name: "LPO Järfälla",
    kind: "polis",
    workspaceIds: [jarfalla.id, upplandsBro.id],
  });
  // A police analyst of a lokalpolisområde covering two kommuner belongs to both workspaces.
  await createUser(db, {
    email: "analytiker@polisen.example",
    memberships: [
      { workspaceId: jarfalla.id, role: "analyst", organizationId: polis.id },
      { workspaceId: upplandsBro.id, role: "analyst", organizationId: polis.id },
    ],
  });
  await createUser(db, {
    email: "lasare@borlange.example",
    memberships: [{ workspaceId: borlange.id, role: "viewer" }],
  });
  // A member writes for its organisation (docs/decisions/011).
  const tunabyggen = await createOrganization(db, {
    name: "Tunabyggen",
    kind: "bostadsbolag",
    workspaceIds: [borlange.id],
  });
  await createUser(db, {
    email: "partner@borlange.example",
    memberships: [{ workspaceId: borlange.id, role: "member", organizationId: tunabyggen.id }],
  });
  await createUser(db, {
    email: "admin@borlange.example",
    memberships: [{ workspaceId: borlange.id, role: "admin" }],
  });
  await createBorlangeAreas(db, borlange.id);
  await createCategoryTree(db, borlange.id);
});

afterAll(async () => {
  await testDb?.close();
});

describe("sessions", () => {
  it("refuses every non-public procedure without a session", async () => {
    const { caller } = callerFor(testDb.db, { workspace: "est-borlange" });
    await expect(caller.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.workspace.current()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.areas.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      caller.overview.districtStats({ period: { kind: "week", date: "2026-01-05" } }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a forged or logged-out session token", async () => {
    const { caller: forged } = callerFor(testDb.db, { token: "not-a-real-token", workspace: "est-borlange" });
    await expect(forged.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const session = await loginAs(testDb.db, "lasare@borlange.example", TEST_PASSWORD, "est-borlange");
    await expect(session.caller.auth.me()).resolves.toMatchObject({
      user: { email: "lasare@borlange.example" },
    });
    await session.caller.auth.logout();
    expect(session.cookies.token).toBeNull();
    const { caller: after } = callerFor(testDb.db, { token: session.token, workspace: "est-borlange" });
    await expect(after.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rejects a wrong password with the same error as an unknown user and stores only a hash", async () => {
    const { caller } = callerFor(testDb.db);
    const wrongPassword = await caller.auth
      .login({ email: "lasare@borlange.example", password: "fel" })
      .catch((e) => e);
    const unknownUser = await caller.auth
      .login({ email: "ingen@borlange.example", password: "fel" })
      .catch((e) => e);
    expect(wrongPassword.code).toBe("UNAUTHORIZED");
    expect(unknownUser.message).toBe(wrongPassword.message);
    const session = await loginAs(testDb.db, "lasare@borlange.example", TEST_PASSWORD);
    const stored = await testDb.db.session.findMany({ select: { tokenHash: true } });
    expect(stored.map((s) => s.tokenHash)).not.toContain(session.token);
  });
});

describe("workspace scoping", () => {
  it("lets one analyst work in both of the lokalpolisområde's workspaces", async () => {
    const { caller } = await loginAs(testDb.db, "analytiker@polisen.example", TEST_PASSWORD);
    const me = await caller.auth.me();
    expect(me.workspaces.map((w) => w.slug).sort()).toEqual(["est-jarfalla", "est-upplands-bro"]);
    for (const slug of ["est-jarfalla", "est-upplands-bro"]) {
      const { caller: scoped } = callerFor(testDb.db, {
        token: (await loginAs(testDb.db, "analytiker@polisen.example", TEST_PASSWORD)).token,
        workspace: slug,
      });
      await expect(scoped.workspace.current()).resolves.toMatchObject({ slug, role: "analyst" });
    }
  });

  it("refuses a workspace the caller is not a member of", async () => {
    const { caller } = await loginAs(testDb.db, "analytiker@polisen.example", TEST_PASSWORD, "est-borlange");
    await expect(caller.workspace.current()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.areas.districtGeometries()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("does not find another workspace's areas or categories by code", async () => {
    const { caller } = await loginAs(testDb.db, "analytiker@polisen.example", TEST_PASSWORD, "est-jarfalla");
    await expect(caller.areas.list()).resolves.toEqual([]);
    await expect(
      caller.overview.districtStats({
        period: { kind: "week", date: "2026-01-05" },
        areaCodes: ["2081C1090"],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      caller.overview.weeklyTrend({
        period: { kind: "week", date: "2026-01-05" },
        categoryCodes: ["G-BEDRAGERI"],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Borlänge's places lie outside Järfälla's (empty) area list.
    await expect(caller.reports.createPartner(REPORT)).rejects.toThrow(/outside/);
    expect(await testDb.db.fieldReport.count()).toBe(0);
  });
});

describe("roles", () => {
  it("does not let a viewer write", async () => {
    const { caller } = await loginAs(testDb.db, "lasare@borlange.example", TEST_PASSWORD, "est-borlange");
    const current = await caller.workspace.current();
    expect(current.permissions).toEqual({
      canWrite: false,
      canSeeDetail: false,
      canAdminister: false,
      canAdministerSystem: false,
    });
    await expect(caller.reports.createPartner(REPORT)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.db.fieldReport.count()).toBe(0);
  });

  it("lets a partner member report; the report waits for review and moves no incident figure", async () => {
    const { caller } = await loginAs(testDb.db, "partner@borlange.example", TEST_PASSWORD, "est-borlange");
    const filed = await caller.reports.createPartner(REPORT);
    expect(filed.status).toBe("pending");
    const stored = await testDb.db.fieldReport.findFirstOrThrow({
      where: { id: filed.id },
      select: { kind: true, status: true, areaId: true },
    });
    const area = await testDb.db.area.findFirst({
      where: { id: stored.areaId ?? "" },
      select: { code: true },
    });
    expect({ kind: stored.kind, status: stored.status, area }).toEqual({
      kind: "partner",
      status: "pending",
      area: { code: "2081C1090" },
    });
    expect(await testDb.db.incident.count()).toBe(0);
    await expect(caller.reports.createPartner({ ...REPORT, occurredAt: "2026-02-30" })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
      },
    );
  });

  it("shows the member list to admins only", async () => {
    const admin = await loginAs(testDb.db, "admin@borlange.example", TEST_PASSWORD, "est-borlange");
    const members = await admin.caller.workspace.members();
    expect(members.map((m) => m.role).sort()).toEqual(["admin", "member", "viewer"]);
    expect(members[0]).not.toHaveProperty("passwordHash");
    const partner = await loginAs(testDb.db, "partner@borlange.example", TEST_PASSWORD, "est-borlange");
    await expect(partner.caller.workspace.members()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("password guessing", () => {
  it("backs off an address guessing an account, even with the right password, without locking the account", async () => {
    await createUser(testDb.db, {
      email: "gissad@borlange.example",
      memberships: [{ workspaceId: borlange.id, role: "viewer" }],
    });
    const { caller } = callerFor(testDb.db, { clientIp: "10.20.0.1" });
    for (let i = 0; i < 5; i++) {
      await expect(
        caller.auth.login({ email: "gissad@borlange.example", password: `fel-${i}` }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(
      caller.auth.login({ email: "gissad@borlange.example", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // The account's real user, elsewhere, still gets in (tests/integration/hardening.test.ts has the rest).
    await expect(
      callerFor(testDb.db, { clientIp: "10.20.0.2" }).caller.auth.login({
        email: "gissad@borlange.example",
        password: TEST_PASSWORD,
      }),
    ).resolves.toEqual({ ok: true });
  });
});
