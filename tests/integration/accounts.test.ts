import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { createApiToken, resolveImportToken } from "../../server/features/workspace/api-tokens.service.ts";
import { resolveMembership } from "../../server/features/workspace/workspace.service.ts";
import { serviceScope } from "../../server/service-scope.ts";
import { callerFor, loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// Accounts and organisations (docs/decisions/015), through createCaller as the browser calls them.
const SLUG = "est-borlange";
const NEW_PASSWORD = "gröna-äpplen-på-bryggan";

const FORBIDDEN = { code: "FORBIDDEN" };
const UNAUTHORIZED = { code: "UNAUTHORIZED" };
const NOT_FOUND = { code: "NOT_FOUND" };
const INVALID = { code: "BAD_REQUEST" };
const LINK_INVALID = { code: "NOT_FOUND", cause: { code: "LINK_INVALID" } };

let testDb: TestDb;
const ids = { borlange: "", falun: "", kommun: "", tunabyggen: "", falunKommun: "", viewer: "" };
let addressCount = 0;
/** Each failing sign-in comes from its own address, so the back-off of one test never reaches another. */
const freshAddress = () => `198.51.100.${++addressCount}`;

const signIn = async (email: string, password = TEST_PASSWORD, workspace: string | undefined = SLUG) =>
  loginAs(testDb.db, email, password, workspace);
const admin = async () => (await signIn("admin@borlange.example")).caller;
const anonymous = () => callerFor(testDb.db, { workspace: SLUG, clientIp: freshAddress() });

/** Accepts an invitation in a fresh browser; returns that browser's caller in the workspace. */
async function accept(
  token: string,
  input: { name?: string; password: string } = { name: "Ny Person", password: NEW_PASSWORD },
) {
  const browser = anonymous();
  const { workspaceSlug } = await browser.caller.auth.acceptInvitation({ token, ...input });
  expect(browser.cookies.token).toBeTruthy();
  return {
    workspaceSlug,
    caller: callerFor(testDb.db, { token: browser.cookies.token, workspace: workspaceSlug }).caller,
  };
}

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  ids.borlange = (await createWorkspace(db, { name: "EST Borlänge", slug: SLUG })).id;
  ids.falun = (await createWorkspace(db, { name: "EST Falun", slug: "est-falun" })).id;
  const org = async (name: string, kind: "kommun" | "bostadsbolag" | "polis", workspaceIds: string[]) =>
    (await createOrganization(db, { name, kind, workspaceIds })).id;
  ids.kommun = await org("Borlänge kommun", "kommun", [ids.borlange]);
  ids.tunabyggen = await org("Tunabyggen", "bostadsbolag", [ids.borlange]);
  ids.falunKommun = await org("Falu kommun", "kommun", [ids.falun]);
  const polis = await org("LPO Dalarna", "polis", [ids.borlange, ids.falun]);
  const member = (role: "admin" | "analyst" | "member" | "viewer", organizationId?: string) => ({
    workspaceId: ids.borlange,
    role,
    organizationId,
  });
  await createUser(db, { email: "admin@borlange.example", memberships: [member("admin", ids.kommun)] });
  await createUser(db, { email: "analytiker@borlange.example", memberships: [member("analyst", polis)] });
  await createUser(db, {
    email: "partner@borlange.example",
    memberships: [member("member", ids.tunabyggen)],
  });
  ids.viewer = (
    await createUser(db, { email: "lasare@borlange.example", memberships: [member("viewer", ids.kommun)] })
  ).id;
  await createUser(db, {
    email: "admin@falun.example",
    memberships: [{ workspaceId: ids.falun, role: "admin", organizationId: ids.falunKommun }],
  });
  // A police analyst of an LPO covering both kommuner.
  await createUser(db, {
    email: "polis@dalarna.example",
    memberships: [
      { workspaceId: ids.borlange, role: "analyst", organizationId: polis },
      { workspaceId: ids.falun, role: "analyst", organizationId: polis },
    ],
  });
  await createUser(db, { email: "system@est.example", isSystemAdmin: true });
});

afterAll(async () => {
  await testDb?.close();
});

describe("invitations", () => {
  it("lets an admin invite a member of an organisation, who sets a password once and lands in the workspace", async () => {
    const invitation = await (await admin()).workspace.invite({
      email: "Ny.Person@Tunabyggen.example",
      role: "member",
      organizationId: ids.tunabyggen,
    });
    expect(invitation.email).toBe("ny.person@tunabyggen.example");
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const stored = await testDb.db.accountToken.findFirstOrThrow({ where: { email: invitation.email } });
    expect(stored.tokenHash).not.toContain(invitation.token);
    expect(await (await admin()).workspace.invitations()).toEqual([
      expect.objectContaining({ email: invitation.email, role: "member", organization: "Tunabyggen" }),
    ]);

    await expect(anonymous().caller.auth.invitation({ token: invitation.token })).resolves.toMatchObject({
      email: invitation.email,
      role: "member",
      organization: "Tunabyggen",
      workspace: { slug: SLUG, name: "EST Borlänge" },
      isExistingUser: false,
    });
    await expect(
      anonymous().caller.auth.acceptInvitation({
        token: invitation.token,
        name: "Ny",
        password: "kort-lösen",
      }),
    ).rejects.toMatchObject({ ...INVALID, message: expect.stringContaining("minst 12 tecken") });
    await expect(
      anonymous().caller.auth.acceptInvitation({
        token: invitation.token,
        name: "Ny",
        password: "Ny.Person@tunabyggen.example!",
      }),
    ).rejects.toMatchObject({ ...INVALID, message: expect.stringContaining("e-postadress") });
    await expect(
      anonymous().caller.auth.acceptInvitation({
        token: invitation.token,
        name: "Ny",
        password: "Sommar2026!!!!",
      }),
    ).rejects.toMatchObject({ ...INVALID, message: expect.stringContaining("för vanligt") });

    const { caller, workspaceSlug } = await accept(invitation.token, {
      name: "Nils Nyström",
      password: NEW_PASSWORD,
    });
    expect(workspaceSlug).toBe(SLUG);
    await expect(caller.workspace.current()).resolves.toMatchObject({ slug: SLUG, role: "member" });
    await expect(caller.auth.me()).resolves.toMatchObject({
      user: { name: "Nils Nyström", isSystemAdmin: false },
    });
    await expect(signIn(invitation.email, NEW_PASSWORD)).resolves.toBeTruthy();

    await expect(accept(invitation.token)).rejects.toMatchObject(LINK_INVALID);
    await expect(anonymous().caller.auth.invitation({ token: invitation.token })).rejects.toMatchObject(
      LINK_INVALID,
    );
    expect(await (await admin()).workspace.invitations()).toEqual([]);
    const members = await (await admin()).workspace.members();
    expect(members.find((m) => m.email === invitation.email)).toMatchObject({
      role: "member",
      organizationId: ids.tunabyggen,
      isActive: true,
    });
  });

  it("refuses invitations from anyone but this workspace's admins, and nonsense invitations", async () => {
    const input = { email: "nagon@borlange.example", role: "viewer" as const, organizationId: null };
    await expect(anonymous().caller.workspace.invite(input)).rejects.toMatchObject(UNAUTHORIZED);
    for (const email of [
      "analytiker@borlange.example",
      "partner@borlange.example",
      "lasare@borlange.example",
    ])
      await expect((await signIn(email)).caller.workspace.invite(input)).rejects.toMatchObject(FORBIDDEN);
    // Falun's admin, naming Borlänge: not a member there.
    const falunInBorlange = (await signIn("admin@falun.example")).caller;
    await expect(falunInBorlange.workspace.invite(input)).rejects.toMatchObject(FORBIDDEN);
    await expect(falunInBorlange.workspace.invitations()).rejects.toMatchObject(FORBIDDEN);
    // …and in Falun, with Borlänge's organisation.
    const falun = (await signIn("admin@falun.example", TEST_PASSWORD, "est-falun")).caller;
    await expect(
      falun.workspace.invite({ ...input, role: "member", organizationId: ids.tunabyggen }),
    ).rejects.toMatchObject(NOT_FOUND);

    const borlange = await admin();
    await expect(
      borlange.workspace.invite({ ...input, role: "member", organizationId: null }),
    ).rejects.toMatchObject({
      ...INVALID,
      message: expect.stringContaining("organisation"),
    });
    await expect(
      borlange.workspace.invite({ ...input, email: "partner@borlange.example" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(borlange.workspace.invite({ ...input, email: "inte-en-adress" })).rejects.toMatchObject(
      INVALID,
    );
  });

  it("refuses an expired link, and one replaced by a newer invitation", async () => {
    const borlange = await admin();
    const first = await borlange.workspace.invite({
      email: "sen@borlange.example",
      role: "viewer",
      organizationId: null,
    });
    const second = await borlange.workspace.invite({
      email: "sen@borlange.example",
      role: "viewer",
      organizationId: null,
    });
    await expect(accept(first.token)).rejects.toMatchObject(LINK_INVALID);
    await testDb.db.accountToken.updateMany({
      where: { email: "sen@borlange.example", usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(anonymous().caller.auth.invitation({ token: second.token })).rejects.toMatchObject(
      LINK_INVALID,
    );
    await expect(accept(second.token)).rejects.toMatchObject(LINK_INVALID);
    expect(await testDb.db.user.findUnique({ where: { email: "sen@borlange.example" } })).toBeNull();
    await expect(anonymous().caller.auth.invitation({ token: "x".repeat(43) })).rejects.toMatchObject(
      LINK_INVALID,
    );
    await expect(anonymous().caller.auth.invitation({ token: "bad token" })).rejects.toMatchObject(INVALID);
  });

  it("lets an admin revoke an open invitation, and no one else", async () => {
    const invitation = await (await admin()).workspace.invite({
      email: "angrad@borlange.example",
      role: "viewer",
      organizationId: null,
    });
    const falun = (await signIn("admin@falun.example", TEST_PASSWORD, "est-falun")).caller;
    await expect(falun.workspace.revokeInvitation({ id: invitation.id })).rejects.toMatchObject(NOT_FOUND);
    await expect(
      (await signIn("analytiker@borlange.example")).caller.workspace.revokeInvitation({ id: invitation.id }),
    ).rejects.toMatchObject(FORBIDDEN);
    await (await admin()).workspace.revokeInvitation({ id: invitation.id });
    await expect(accept(invitation.token)).rejects.toMatchObject(LINK_INVALID);
    await expect((await admin()).workspace.revokeInvitation({ id: invitation.id })).rejects.toMatchObject(
      NOT_FOUND,
    );
  });

  it("gives an existing account the membership only when it proves its own password, which stays", async () => {
    const invitation = await (
      await signIn("admin@falun.example", TEST_PASSWORD, "est-falun")
    ).caller.workspace.invite({
      email: "partner@borlange.example",
      role: "viewer",
      organizationId: ids.falunKommun,
    });
    await expect(anonymous().caller.auth.invitation({ token: invitation.token })).resolves.toMatchObject({
      isExistingUser: true,
    });
    await expect(accept(invitation.token, { password: NEW_PASSWORD })).rejects.toMatchObject(UNAUTHORIZED);
    const { caller, workspaceSlug } = await accept(invitation.token, { password: TEST_PASSWORD });
    expect(workspaceSlug).toBe("est-falun");
    await expect(caller.workspace.current()).resolves.toMatchObject({ slug: "est-falun", role: "viewer" });
    const me = await caller.auth.me();
    expect(me.workspaces.map((w) => w.slug).sort()).toEqual(["est-borlange", "est-falun"]);
    await expect(signIn("partner@borlange.example", TEST_PASSWORD)).resolves.toBeTruthy();
  });
});

describe("roles and organisations of members", () => {
  it("lets an admin change a member's role and organisation, applied on the member's next request", async () => {
    const viewer = (await signIn("lasare@borlange.example")).caller;
    await expect(viewer.workspace.current()).resolves.toMatchObject({ role: "viewer" });
    const borlange = await admin();
    await expect(
      borlange.workspace.updateMember({ userId: ids.viewer, role: "member", organizationId: null }),
    ).rejects.toMatchObject(INVALID);
    await expect(
      borlange.workspace.updateMember({
        userId: ids.viewer,
        role: "member",
        organizationId: ids.falunKommun,
      }),
    ).rejects.toMatchObject(NOT_FOUND);
    await borlange.workspace.updateMember({
      userId: ids.viewer,
      role: "member",
      organizationId: ids.tunabyggen,
    });
    await expect(viewer.workspace.current()).resolves.toMatchObject({ role: "member" });
    expect(
      (await testDb.db.membership.findFirstOrThrow({ where: { userId: ids.viewer } })).organizationId,
    ).toBe(ids.tunabyggen);
    await borlange.workspace.updateMember({ userId: ids.viewer, role: "viewer", organizationId: ids.kommun });
    await expect(viewer.workspace.current()).resolves.toMatchObject({ role: "viewer" });
  });

  it("refuses role changes from non-admins, from another workspace's admin, and for non-members", async () => {
    const input = { userId: ids.viewer, role: "admin" as const, organizationId: ids.kommun };
    await expect(
      (await signIn("lasare@borlange.example")).caller.workspace.updateMember(input),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect(
      (await signIn("analytiker@borlange.example")).caller.workspace.updateMember(input),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect(
      (await signIn("admin@falun.example")).caller.workspace.updateMember(input),
    ).rejects.toMatchObject(FORBIDDEN);
    const falun = (await signIn("admin@falun.example", TEST_PASSWORD, "est-falun")).caller;
    await expect(falun.workspace.updateMember({ ...input, organizationId: null })).rejects.toMatchObject(
      NOT_FOUND,
    );
    await expect(falun.workspace.deactivateMember({ userId: ids.viewer })).rejects.toMatchObject(NOT_FOUND);
    await expect(falun.workspace.issueResetLink({ userId: ids.viewer })).rejects.toMatchObject(NOT_FOUND);
    await expect((await signIn("lasare@borlange.example")).caller.workspace.current()).resolves.toMatchObject(
      {
        role: "viewer",
      },
    );
  });

  it("adds and removes the workspace's organisations; one still naming members stays", async () => {
    const borlange = await admin();
    const added = await borlange.workspace.addOrganization({
      name: "Räddningstjänsten Dala Mitt",
      kind: "raddningstjanst",
    });
    expect((await borlange.workspace.current()).organizations).toContainEqual({
      id: added.id,
      name: "Räddningstjänsten Dala Mitt",
      kind: "raddningstjanst",
    });
    await expect(
      borlange.workspace.addOrganization({ name: "räddningstjänsten dala mitt", kind: "other" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      borlange.workspace.addOrganization({ name: "Något", kind: "skola" as never }),
    ).rejects.toMatchObject(INVALID);
    await expect(
      borlange.workspace.removeOrganization({ organizationId: ids.tunabyggen }),
    ).rejects.toMatchObject({
      ...INVALID,
      message: expect.stringContaining("members"),
    });
    const partner = (await signIn("partner@borlange.example")).caller;
    await expect(
      partner.workspace.addOrganization({ name: "Eget bolag", kind: "other" }),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect(partner.workspace.removeOrganization({ organizationId: added.id })).rejects.toMatchObject(
      FORBIDDEN,
    );
    const falun = (await signIn("admin@falun.example", TEST_PASSWORD, "est-falun")).caller;
    await expect(falun.workspace.removeOrganization({ organizationId: added.id })).rejects.toMatchObject(
      NOT_FOUND,
    );
    await borlange.workspace.removeOrganization({ organizationId: added.id });
    expect((await borlange.workspace.current()).organizations.map((o) => o.id)).not.toContain(added.id);
    await expect(borlange.workspace.removeOrganization({ organizationId: added.id })).rejects.toMatchObject(
      NOT_FOUND,
    );
  });
});

describe("the last admin", () => {
  it("cannot demote or deactivate themselves while no other admin is active", async () => {
    const adminId = (await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@borlange.example" } }))
      .id;
    const borlange = await admin();
    await expect(
      borlange.workspace.updateMember({ userId: adminId, role: "analyst", organizationId: ids.kommun }),
    ).rejects.toMatchObject({ ...INVALID, message: expect.stringContaining("at least one active admin") });
    await expect(borlange.workspace.deactivateMember({ userId: adminId })).rejects.toMatchObject(INVALID);
    await expect(borlange.workspace.current()).resolves.toMatchObject({ role: "admin" });
  });

  it("lets one of two admins step down, and of two demoting each other at once exactly one succeeds", async () => {
    const { db } = testDb;
    const workspace = await createWorkspace(db, { slug: "est-tva-admins" });
    const [first, second] = await Promise.all(
      ["ett@tva.example", "tva@tva.example"].map((email) =>
        createUser(db, { email, memberships: [{ workspaceId: workspace.id, role: "admin" }] }),
      ),
    );
    if (!first || !second) throw new Error("no admins");
    const one = (await signIn("ett@tva.example", TEST_PASSWORD, "est-tva-admins")).caller;
    const two = (await signIn("tva@tva.example", TEST_PASSWORD, "est-tva-admins")).caller;
    const results = await Promise.allSettled([
      one.workspace.updateMember({ userId: second.id, role: "viewer", organizationId: null }),
      two.workspace.updateMember({ userId: first.id, role: "viewer", organizationId: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, role: "admin" } })).toBe(1);
  });
});

describe("deactivation", () => {
  it("ends the member's sessions at once, refuses their sign-in, and can be undone", async () => {
    const partnerId = (
      await testDb.db.user.findUniqueOrThrow({ where: { email: "partner@borlange.example" } })
    ).id;
    const partner = await signIn("partner@borlange.example", TEST_PASSWORD);
    await expect(partner.caller.workspace.current()).resolves.toMatchObject({ role: "member" });
    await expect(
      (await signIn("analytiker@borlange.example")).caller.workspace.deactivateMember({ userId: partnerId }),
    ).rejects.toMatchObject(FORBIDDEN);

    // The partner also belongs to Falun (an invitation above): Borlänge's deactivation ends that too, then only Borlänge refuses.
    await (await admin()).workspace.deactivateMember({ userId: partnerId });
    await expect(partner.caller.workspace.current()).rejects.toMatchObject(UNAUTHORIZED);
    await expect(partner.caller.auth.me()).rejects.toMatchObject(UNAUTHORIZED);
    const again = await signIn("partner@borlange.example", TEST_PASSWORD, SLUG);
    await expect(again.caller.workspace.current()).rejects.toMatchObject(FORBIDDEN);
    expect((await again.caller.auth.me()).workspaces.map((w) => w.slug)).toEqual(["est-falun"]);
    const members = await (await admin()).workspace.members();
    expect(members.find((m) => m.id === partnerId)).toMatchObject({ isActive: false, canIssueReset: false });

    // Deactivated in Falun too: no workspace is left, so signing in is refused.
    const falun = (await signIn("admin@falun.example", TEST_PASSWORD, "est-falun")).caller;
    await falun.workspace.deactivateMember({ userId: partnerId });
    await expect(again.caller.auth.me()).rejects.toMatchObject(UNAUTHORIZED);
    await expect(
      callerFor(testDb.db, { clientIp: freshAddress() }).caller.auth.login({
        email: "partner@borlange.example",
        password: TEST_PASSWORD,
      }),
    ).rejects.toMatchObject({ ...FORBIDDEN, cause: { code: "ACCOUNT_DEACTIVATED" } });
    await expect(
      callerFor(testDb.db, { clientIp: freshAddress() }).caller.auth.login({
        email: "partner@borlange.example",
        password: "fel-lösenord-helt-och-hållet",
      }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_CREDENTIALS" } });

    await (await admin()).workspace.reactivateMember({ userId: partnerId });
    const back = await signIn("partner@borlange.example", TEST_PASSWORD);
    await expect(back.caller.workspace.current()).resolves.toMatchObject({ role: "member" });
  });

  it("refuses an import token whose creator was deactivated", async () => {
    const analystId = (
      await testDb.db.user.findUniqueOrThrow({ where: { email: "analytiker@borlange.example" } })
    ).id;
    const { db } = testDb;
    const membership = await resolveMembership({ db, userId: analystId, slug: SLUG });
    if (!membership) throw new Error("the analyst is not a member");
    const analyst = serviceScope(db, membership.workspace, { userId: analystId, role: "analyst" });
    const { token } = await createApiToken(analyst, { name: "cron" });
    await expect(resolveImportToken({ db, token, workspaceSlug: SLUG })).resolves.toMatchObject({
      userId: analystId,
    });
    await (await admin()).workspace.deactivateMember({ userId: analystId });
    await expect(resolveImportToken({ db, token, workspaceSlug: SLUG })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await (await admin()).workspace.reactivateMember({ userId: analystId });
    await expect(resolveImportToken({ db, token, workspaceSlug: SLUG })).resolves.toMatchObject({
      userId: analystId,
    });
  });
});

describe("passwords", () => {
  it("lets a user change their own password with the current one; their other sessions end", async () => {
    await createUser(testDb.db, {
      email: "byter@borlange.example",
      memberships: [{ workspaceId: ids.borlange, role: "viewer" }],
    });
    const here = await signIn("byter@borlange.example");
    const elsewhere = await signIn("byter@borlange.example");
    const change = (currentPassword: string, newPassword: string) =>
      callerFor(testDb.db, {
        token: here.token,
        workspace: SLUG,
        clientIp: freshAddress(),
      }).caller.auth.changePassword({
        currentPassword,
        newPassword,
      });
    await expect(change("fel-nuvarande-lösenord", NEW_PASSWORD)).rejects.toMatchObject(UNAUTHORIZED);
    await expect(change(TEST_PASSWORD, "kort")).rejects.toMatchObject(INVALID);
    await expect(change(TEST_PASSWORD, "byter@borlange.example")).rejects.toMatchObject(INVALID);
    await expect(change(TEST_PASSWORD, "x".repeat(257))).rejects.toMatchObject(INVALID);
    await expect(change(TEST_PASSWORD, NEW_PASSWORD)).resolves.toEqual({ endedSessions: 1 });
    await expect(here.caller.workspace.current()).resolves.toMatchObject({ role: "viewer" });
    await expect(elsewhere.caller.workspace.current()).rejects.toMatchObject(UNAUTHORIZED);
    await expect(signIn("byter@borlange.example", NEW_PASSWORD)).resolves.toBeTruthy();
    await expect(
      callerFor(testDb.db, { clientIp: freshAddress() }).caller.auth.login({
        email: "byter@borlange.example",
        password: TEST_PASSWORD,
      }),
    ).rejects.toMatchObject(UNAUTHORIZED);
    await expect(
      anonymous().caller.auth.changePassword({ currentPassword: NEW_PASSWORD, newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject(UNAUTHORIZED);
  });

  it("lets an admin issue a one-time reset link; using it ends the user's other sessions", async () => {
    const user = await createUser(testDb.db, {
      email: "glomsk@borlange.example",
      memberships: [{ workspaceId: ids.borlange, role: "analyst" }],
    });
    const oldSession = await signIn("glomsk@borlange.example");
    const reset = await (await admin()).workspace.issueResetLink({ userId: user.id });
    const hours = (reset.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    await expect(anonymous().caller.auth.resetInfo({ token: reset.token })).resolves.toMatchObject({
      email: "glomsk@borlange.example",
    });
    await expect(
      anonymous().caller.auth.resetPassword({ token: reset.token, password: "123456789012" }),
    ).rejects.toMatchObject(INVALID);
    const browser = anonymous();
    await expect(
      browser.caller.auth.resetPassword({ token: reset.token, password: NEW_PASSWORD }),
    ).resolves.toEqual({
      isSignedIn: true,
      workspaceSlug: SLUG,
    });
    await expect(oldSession.caller.workspace.current()).rejects.toMatchObject(UNAUTHORIZED);
    const fresh = callerFor(testDb.db, { token: browser.cookies.token, workspace: SLUG }).caller;
    await expect(fresh.workspace.current()).resolves.toMatchObject({ role: "analyst" });
    await expect(signIn("glomsk@borlange.example", NEW_PASSWORD)).resolves.toBeTruthy();
    await expect(
      anonymous().caller.auth.resetPassword({ token: reset.token, password: "ännu-ett-nytt-lösenord" }),
    ).rejects.toMatchObject(LINK_INVALID);

    const expired = await (await admin()).workspace.issueResetLink({ userId: user.id });
    await testDb.db.accountToken.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(
      anonymous().caller.auth.resetPassword({ token: expired.token, password: "ännu-ett-nytt-lösenord" }),
    ).rejects.toMatchObject(LINK_INVALID);
  });

  it("refuses reset links from non-admins, and for accounts other workspaces share, except to a system administrator", async () => {
    const polisId = (await testDb.db.user.findUniqueOrThrow({ where: { email: "polis@dalarna.example" } }))
      .id;
    await expect(
      (await signIn("analytiker@borlange.example")).caller.workspace.issueResetLink({ userId: polisId }),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect((await admin()).workspace.issueResetLink({ userId: polisId })).rejects.toMatchObject({
      ...FORBIDDEN,
      message: expect.stringContaining("andra arbetsytor"),
    });
    const members = await (await admin()).workspace.members();
    expect(members.find((m) => m.id === polisId)).toMatchObject({ canIssueReset: false });
    await testDb.db.membership.create({
      data: { workspaceId: ids.borlange, userId: (await systemUser()).id, role: "admin" },
    });
    const system = (await signIn("system@est.example")).caller;
    await expect(system.workspace.issueResetLink({ userId: polisId })).resolves.toMatchObject({
      email: "polis@dalarna.example",
    });
  });
});

const systemUser = () => testDb.db.user.findUniqueOrThrow({ where: { email: "system@est.example" } });

describe("workspaces created by a system administrator", () => {
  const input = {
    slug: "est-ludvika",
    name: "EST Ludvika",
    meetingAnchor: "2026-01-05",
    adminEmail: "forsta@ludvika.example",
    adminName: "Första Admin",
    organization: { name: "Ludvika kommun", kind: "kommun" as const },
  };

  it("creates a workspace with its first admin's invitation", async () => {
    const system = (await signIn("system@est.example", TEST_PASSWORD, undefined)).caller;
    await expect(
      system.system.createWorkspace({ ...input, meetingAnchor: "2026-01-06" }),
    ).rejects.toMatchObject(INVALID);
    const created = await system.system.createWorkspace(input);
    expect(created.workspace).toMatchObject({ slug: "est-ludvika", name: "EST Ludvika" });
    await expect(system.system.createWorkspace(input)).rejects.toMatchObject({ code: "CONFLICT" });
    const token = created.invitation?.token ?? "";
    await expect(anonymous().caller.auth.invitation({ token })).resolves.toMatchObject({
      name: "Första Admin",
      role: "admin",
      organization: "Ludvika kommun",
    });
    const { caller, workspaceSlug } = await accept(token, { name: "Första Admin", password: NEW_PASSWORD });
    expect(workspaceSlug).toBe("est-ludvika");
    await expect(caller.workspace.current()).resolves.toMatchObject({
      role: "admin",
      meetingAnchor: "2026-01-05",
      permissions: { canAdminister: true, canAdministerSystem: false },
      organizations: [expect.objectContaining({ name: "Ludvika kommun", kind: "kommun" })],
    });
    const listed = await system.system.workspaces();
    expect(listed.find((w) => w.slug === "est-ludvika")).toMatchObject({ memberCount: 1 });
  });

  it("refuses both to everyone but system administrators", async () => {
    await expect(anonymous().caller.system.workspaces()).rejects.toMatchObject(UNAUTHORIZED);
    for (const email of ["admin@borlange.example", "admin@falun.example", "lasare@borlange.example"]) {
      const caller = (await signIn(email)).caller;
      await expect(
        caller.system.createWorkspace({ ...input, slug: "est-smedjebacken" }),
      ).rejects.toMatchObject(FORBIDDEN);
      await expect(caller.system.workspaces()).rejects.toMatchObject(FORBIDDEN);
    }
    expect(await testDb.db.workspace.findUnique({ where: { slug: "est-smedjebacken" } })).toBeNull();
  });
});
