import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { createApp } from "../../server/app.ts";
import { SESSION_COOKIE } from "../../server/context.ts";
import { hashToken } from "../../server/features/auth/session.service.ts";
import { SsoRefusal, signInWithSso } from "../../server/features/sso/sso-sign-in.service.ts";
import { callerFor, loginAs } from "../support/caller.ts";
import { type ProviderAccount, reserveIdentityProvider, TEST_CLIENT } from "../support/identity-provider.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// Single sign-on through a real OpenID Connect provider (oidc-provider) on a loopback port:
// the code flow with PKCE, state and nonce, driven by a small cookie-keeping client.
let testDb: TestDb;
let appUrl: string;
let app: ReturnType<typeof createApp>;
let idp: Awaited<ReturnType<typeof reserveIdentityProvider>>;
let workspace: { id: string; slug: string };
let other: { id: string; slug: string };
let kommun: { id: string };
let polisen: { id: string };

const accounts = new Map<string, ProviderAccount>([
  [
    "anna",
    { email: "anna@falun.example", name: "Anna Analytiker", groups: ["est-analytiker", "falun-alla"] },
  ],
  ["maja", { email: "maja@falun.example", name: "Maja Medlem", groups: ["polis-lpo"] }],
  ["ulf", { email: "ulf@falun.example", name: "Ulf Utanför", groups: ["ekonomi"] }],
  ["nils", { email: "nils@falun.example", name: "Nils Nekad", groups: ["est-analytiker"] }],
  ["lokal", { email: "lokal@falun.example", name: "Lokal Person", groups: ["est-analytiker"] }],
  ["mona", { email: "mona@falun.example", name: "Mona Medlem", groups: ["bara-medlem"] }],
  ["intygad", { email: "intygad@falun.example", name: "Ida Intygad", emailVerified: true, groups: [] }],
]);

/** Cookies per host name (as a browser keeps them: ports share), redirects followed by hand. */
function browser() {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: URL) =>
    [...(jar.get(url.hostname) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (url: URL, response: Response) => {
    const cookies = jar.get(url.hostname) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const isExpired = attributes.some(
        (a) =>
          /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()),
      );
      if (isExpired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    jar.set(url.hostname, cookies);
  };
  const request = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(url) },
    });
    keep(url, response);
    return response;
  };
  /** Follows redirects until a page answers; the URLs passed on the way are kept. */
  const follow = async (start: string, init: RequestInit = {}) => {
    let url = new URL(start);
    let response = await request(url, init);
    const visited = [url.toString()];
    while (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("location") ?? "", url);
      visited.push(url.toString());
      // The app's own pages are the client's: the journey ends where the app sends the browser.
      if (url.origin === appUrl && !url.pathname.startsWith("/auth/oidc/")) break;
      response = await request(url);
    }
    return { url, response, visited };
  };
  return { follow, request, cookie: (host: string, name: string) => jar.get(host)?.get(name) ?? null };
}

/** Starts at the app, signs in at the provider's login page as `login`, ends where the app sends us. */
async function signIn(login: string, start = "/auth/oidc/start", client = browser()) {
  const atProvider = await client.follow(`${appUrl}${start}`);
  expect(atProvider.url.origin).toBe(idp.issuer);
  const html = await atProvider.response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  expect(action, "the provider's login form").toBeTruthy();
  const back = await client.follow(new URL(action ?? "", atProvider.url).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "valfritt" }).toString(),
  });
  return { ...back, client, session: client.cookie("127.0.0.1", SESSION_COOKIE) };
}

const membershipOf = (email: string, workspaceId = workspace.id) =>
  testDb.db.membership.findFirst({
    where: { workspaceId, user: { email } },
    select: { role: true, organizationId: true, deactivatedAt: true },
  });

const failures = () =>
  testDb.db.auditEntry.findMany({
    where: { action: "sign_in_failed", workspaceId: null },
    select: { details: true, targetId: true },
    orderBy: { at: "asc" },
  });

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  workspace = await createWorkspace(db, { name: "EST Falun", slug: "est-falun" });
  other = await createWorkspace(db, { name: "EST Utan SSO", slug: "est-utan-sso" });
  kommun = await createOrganization(db, {
    name: "Falu kommun",
    kind: "kommun",
    workspaceIds: [workspace.id],
  });
  polisen = await createOrganization(db, { name: "LPO Falun", kind: "polis", workspaceIds: [workspace.id] });
  await createUser(db, {
    email: "admin@falun.example",
    memberships: [{ workspaceId: workspace.id, role: "admin" }],
  });
  // Nils is deactivated here; the local account has a password and a provider that does not verify addresses.
  const nils = await createUser(db, {
    email: "nils@falun.example",
    memberships: [{ workspaceId: workspace.id, role: "analyst" }],
  });
  await db.membership.update({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: nils.id } },
    data: { deactivatedAt: new Date() },
  });
  await createUser(db, {
    email: "lokal@falun.example",
    memberships: [{ workspaceId: workspace.id, role: "viewer" }],
  });
  await createUser(db, {
    email: "intygad@falun.example",
    memberships: [{ workspaceId: other.id, role: "viewer" }],
  });

  idp = await reserveIdentityProvider();
  app = createApp({
    db,
    cookies: { secure: "false" },
    config: { mapStyleUrl: null },
    oidc: {
      issuer: idp.issuer,
      clientId: TEST_CLIENT.id,
      clientSecret: TEST_CLIENT.secret,
      name: "Falu kommun",
      scopes: idp.scope,
    },
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  idp.start({ redirectUris: [`${appUrl}/auth/oidc/callback`], accounts });
});

afterAll(async () => {
  if (app) {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
  }
  await idp?.close();
  await testDb?.close();
});

describe("the workspace's single sign-on settings", () => {
  it("are set by an admin, refused to an analyst, and refuse an organisation of another workspace naming its rule", async () => {
    const { caller: admin } = await loginAs(testDb.db, "admin@falun.example", TEST_PASSWORD, workspace.slug);
    expect(await admin.workspace.ssoSettings()).toMatchObject({
      isEnabled: false,
      claim: "groups",
      rules: [],
    });
    const foreign = await createOrganization(testDb.db, {
      name: "Annan",
      kind: "other",
      workspaceIds: [other.id],
    });
    await expect(
      admin.workspace.updateSsoSettings({
        isEnabled: true,
        claim: "groups",
        rules: [
          { value: "est-analytiker", role: "analyst", organizationId: null },
          { value: "annan", role: "member", organizationId: foreign.id },
        ],
        defaultRole: null,
        defaultOrganizationId: null,
        defaultEmailDomains: [],
        defaultRequiredValue: null,
      }),
    ).rejects.toThrow("Regel 2 (annan): organisationen hör inte till arbetsytan.");
    const saved = await admin.workspace.updateSsoSettings({
      isEnabled: true,
      claim: "groups",
      rules: [
        { value: "EST-Analytiker", role: "analyst", organizationId: null },
        { value: "falun-alla", role: null, organizationId: kommun.id },
        { value: "polis-lpo", role: "member", organizationId: polisen.id },
      ],
      defaultRole: null,
      defaultOrganizationId: null,
      defaultEmailDomains: [],
      defaultRequiredValue: null,
    });
    expect(saved.rules).toHaveLength(3);
    const entry = await testDb.db.auditEntry.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "settings_updated" },
      select: { details: true },
    });
    expect(entry.details).toEqual({ kind: "sso", count: 3 });

    const analyst = await createUser(testDb.db, {
      email: "analys@falun.example",
      memberships: [{ workspaceId: workspace.id, role: "analyst" }],
    });
    const { caller } = await loginAs(testDb.db, analyst.email, TEST_PASSWORD, workspace.slug);
    await expect(caller.workspace.ssoSettings()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuse a default role limited by neither an address domain nor a claim value", async () => {
    const { caller: admin } = await loginAs(testDb.db, "admin@falun.example", TEST_PASSWORD, workspace.slug);
    const current = await admin.workspace.ssoSettings();
    await expect(admin.workspace.updateSsoSettings({ ...current, defaultRole: "viewer" })).rejects.toThrow(
      "A default role must be limited: give at least one email domain or a value the claim must hold.",
    );
    expect((await admin.workspace.ssoSettings()).defaultRole).toBeNull();
    const limited = await admin.workspace.updateSsoSettings({
      ...current,
      defaultRole: "viewer",
      defaultEmailDomains: [" Falun.Example "],
    });
    expect(limited).toMatchObject({ defaultRole: "viewer", defaultEmailDomains: ["falun.example"] });
    expect(await admin.workspace.updateSsoSettings(current)).toMatchObject({ defaultRole: null });
  });

  it("tell the login page the provider's name", async () => {
    const response = await fetch(`${appUrl}/trpc/system.config`);
    expect(((await response.json()) as { result: { data: unknown } }).result.data).toEqual({
      mapStyleUrl: null,
      sso: { name: "Falu kommun" },
    });
  });
});

describe("signing in through the provider", () => {
  it("creates the account with the mapped role and organisation, links the identity, and audits it", async () => {
    const { url, session, visited } = await signIn("anna", `/auth/oidc/start?workspace=${workspace.slug}`);
    expect(url.toString()).toBe(`${appUrl}/w/${workspace.slug}`);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The app's URLs carry only what OIDC needs: the code and state on the way back, nothing of ours.
    const appUrls = visited.filter((v) => v.startsWith(appUrl));
    expect(appUrls.some((v) => v.includes("code_verifier") || v.includes("nonce="))).toBe(false);

    expect(await membershipOf("anna@falun.example")).toEqual({
      role: "analyst",
      organizationId: kommun.id,
      deactivatedAt: null,
    });
    const user = await testDb.db.user.findUniqueOrThrow({
      where: { email: "anna@falun.example" },
      select: { id: true, name: true, passwordHash: true },
    });
    expect(user.name).toBe("Anna Analytiker");
    expect(user.passwordHash).toBe("");
    expect(
      await testDb.db.oidcIdentity.findUnique({
        where: { issuer_subject: { issuer: idp.issuer, subject: "anna" } },
        select: { userId: true },
      }),
    ).toEqual({ userId: user.id });
    // The session is the session service's own: the API knows the caller and the mapped role.
    const { caller } = callerFor(testDb.db, { token: session, workspace: workspace.slug });
    expect(await caller.workspace.current()).toMatchObject({ slug: workspace.slug, role: "analyst" });
    const entries = await testDb.db.auditEntry.findMany({
      where: { workspaceId: workspace.id, OR: [{ actorUserId: user.id }, { targetId: user.id }] },
      select: { action: true, details: true },
      orderBy: { at: "asc" },
    });
    expect(entries).toEqual([
      {
        action: "member_provisioned",
        details: { role: "analyst", organizationId: kommun.id, via: "sso" },
      },
      { action: "sign_in", details: { via: "sso" } },
    ]);
    // No local password opens the account.
    await expect(loginAs(testDb.db, "anna@falun.example", "")).rejects.toThrow();
  });

  it("maps a member to the organisation its group names, and follows the claims at the next sign-in", async () => {
    const first = await signIn("maja");
    expect(first.url.pathname).toBe(`/w/${workspace.slug}`);
    expect(await membershipOf("maja@falun.example")).toMatchObject({
      role: "member",
      organizationId: polisen.id,
    });
    // The provider now puts Maja in the analysts' group: her role follows at her next sign-in.
    accounts.set("maja", { ...(accounts.get("maja") as ProviderAccount), groups: ["est-analytiker"] });
    await signIn("maja");
    expect(await membershipOf("maja@falun.example")).toMatchObject({ role: "analyst", organizationId: null });
    const update = await testDb.db.auditEntry.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "member_updated" },
      select: { details: true },
    });
    expect(update.details).toMatchObject({ role: "analyst", previousRole: "member", via: "sso" });
  });

  it("refuses someone no rule maps, with no account created and a failed sign-in recorded", async () => {
    const before = (await failures()).length;
    const { url, session } = await signIn("ulf");
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("sso")).toBe("no_mapping");
    expect(session).toBeNull();
    expect(await testDb.db.user.findUnique({ where: { email: "ulf@falun.example" } })).toBeNull();
    expect((await failures()).slice(before)).toEqual([
      { details: { reason: "sso_no_mapping", via: "sso" }, targetId: null },
    ]);
  });

  it("gives the default role to someone no rule maps once the admin chooses one", async () => {
    await testDb.db.workspaceSsoSettings.update({
      where: { workspaceId: workspace.id },
      data: { defaultRole: "viewer", defaultRequiredValue: "Ekonomi" },
    });
    try {
      const { url } = await signIn("ulf");
      expect(url.pathname).toBe(`/w/${workspace.slug}`);
      expect(await membershipOf("ulf@falun.example")).toMatchObject({ role: "viewer", organizationId: null });
    } finally {
      await testDb.db.workspaceSsoSettings.update({
        where: { workspaceId: workspace.id },
        data: { defaultRole: null, defaultRequiredValue: null },
      });
    }
  });

  it("refuses a member no rule gives an organisation, saying so", async () => {
    const stored = await testDb.db.workspaceSsoSettings.findUniqueOrThrow({
      where: { workspaceId: workspace.id },
    });
    await testDb.db.workspaceSsoSettings.update({
      where: { workspaceId: workspace.id },
      data: {
        rules: [
          ...(stored.rules as object[]),
          { value: "bara-medlem", role: "member", organizationId: null },
        ],
      },
    });
    try {
      const before = (await failures()).length;
      const { url } = await signIn("mona");
      expect(url.searchParams.get("sso")).toBe("no_organization");
      expect(await testDb.db.user.count({ where: { email: "mona@falun.example" } })).toBe(0);
      expect((await failures()).slice(before)).toEqual([
        { details: { reason: "sso_no_organization", via: "sso" }, targetId: null },
      ]);
    } finally {
      await testDb.db.workspaceSsoSettings.update({
        where: { workspaceId: workspace.id },
        data: { rules: stored.rules as object[] },
      });
    }
  });

  it("refuses a deactivated member, though the provider vouches for them and a rule matches", async () => {
    const nils = await testDb.db.user.findUniqueOrThrow({ where: { email: "nils@falun.example" } });
    // Linked by an earlier sign-in, before an admin deactivated the membership.
    await testDb.db.oidcIdentity.create({ data: { issuer: idp.issuer, subject: "nils", userId: nils.id } });
    const before = (await failures()).length;
    const { url, session } = await signIn("nils");
    expect(url.searchParams.get("sso")).toBe("deactivated");
    expect(session).toBeNull();
    expect(await membershipOf("nils@falun.example")).toMatchObject({ role: "analyst" });
    expect((await membershipOf("nils@falun.example"))?.deactivatedAt).not.toBeNull();
    expect(await testDb.db.session.count({ where: { userId: nils.id } })).toBe(0);
    expect((await failures()).slice(before)).toEqual([
      { details: { reason: "deactivated", via: "sso" }, targetId: nils.id },
    ]);
  });

  it("does not join an existing local account by an address the provider has not verified", async () => {
    const { url } = await signIn("lokal");
    expect(url.searchParams.get("sso")).toBe("email_conflict");
    expect(await testDb.db.oidcIdentity.count({ where: { subject: "lokal" } })).toBe(0);
    expect(await membershipOf("lokal@falun.example")).toMatchObject({ role: "viewer" });
  });

  it("joins an existing account by a verified address and lands where it is a member", async () => {
    const { url } = await signIn("intygad");
    // No rule here maps Ida, but her account already belongs to the other workspace.
    expect(url.pathname).toBe(`/w/${other.slug}`);
    expect(await testDb.db.oidcIdentity.count({ where: { subject: "intygad" } })).toBe(1);
  });

  it("refuses a callback whose state is not the one this browser's sign-in started with", async () => {
    const client = browser();
    const atProvider = await client.follow(`${appUrl}/auth/oidc/start`);
    const state = atProvider.visited
      .map((v) => new URL(v).searchParams.get("state"))
      .find((value) => value !== null);
    expect(state).toBeTruthy();
    const pending = await testDb.db.oidcSignInState.count();
    expect(pending).toBeGreaterThan(0);
    const before = (await failures()).length;
    // A callback with another state (a forged or replayed answer): refused, and the pending sign-in is used up.
    const forged = await client.follow(`${appUrl}/auth/oidc/callback?code=forged&state=not-${state}`);
    expect(forged.url.pathname).toBe("/login");
    expect(forged.url.searchParams.get("sso")).toBe("state_mismatch");
    expect(client.cookie("127.0.0.1", SESSION_COOKIE)).toBeNull();
    expect((await failures()).slice(before)).toEqual([
      { details: { reason: "sso_state_mismatch", via: "sso" }, targetId: null },
    ]);
    expect(await testDb.db.oidcSignInState.count()).toBe(pending - 1);
    // The same browser returning again with the right state finds nothing pending.
    const again = await client.follow(`${appUrl}/auth/oidc/callback?code=forged&state=${state}`);
    expect(again.url.searchParams.get("sso")).toBe("state_mismatch");
    // And a callback with no sign-in started at all.
    const stranger = await browser().follow(`${appUrl}/auth/oidc/callback?code=x&state=${state}`);
    expect(stranger.url.searchParams.get("sso")).toBe("state_mismatch");
  });

  it("keeps the flow's secrets out of the browser's cookie: the cookie is only a random key", async () => {
    const client = browser();
    await client.follow(`${appUrl}/auth/oidc/start`);
    const value = client.cookie("127.0.0.1", "est_oidc");
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await testDb.db.oidcSignInState.findUniqueOrThrow({
      where: { browserHash: hashToken(value ?? "") },
      select: { codeVerifier: true, expiresAt: true },
    });
    expect(row.codeVerifier).not.toBe(value);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it("refuses a workspace that has not turned single sign-on on", async () => {
    const { url } = await browser().follow(`${appUrl}/auth/oidc/start?workspace=${other.slug}`);
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("sso")).toBe("workspace_not_enabled");
  });
});

describe("when the provider takes a group away", () => {
  const auditOf = (userId: string, action: string) =>
    testDb.db.auditEntry
      .findMany({
        where: { workspaceId: workspace.id, action, targetId: userId },
        select: { details: true },
        orderBy: { at: "asc" },
      })
      .then((entries) => entries.map((entry) => entry.details));
  const adam: ProviderAccount = { email: "adam@falun.example", name: "Adam Admin", groups: ["EST-Admins"] };
  const adamGroups = (groups: string[]) => accounts.set("adam", { ...adam, groups });
  const adamId = async () =>
    (await testDb.db.user.findUniqueOrThrow({ where: { email: adam.email }, select: { id: true } })).id;
  let storedRules: object[];

  beforeAll(async () => {
    const stored = await testDb.db.workspaceSsoSettings.findUniqueOrThrow({
      where: { workspaceId: workspace.id },
    });
    storedRules = stored.rules as object[];
    await testDb.db.workspaceSsoSettings.update({
      where: { workspaceId: workspace.id },
      data: { rules: [...storedRules, { value: "est-admins", role: "admin", organizationId: null }] },
    });
  });

  afterAll(async () => {
    await testDb.db.workspaceSsoSettings.update({
      where: { workspaceId: workspace.id },
      data: { rules: storedRules, defaultRole: null, defaultRequiredValue: null },
    });
  });

  it("deactivates the membership the claims gave once no rule matches, ends its sessions, and audits it", async () => {
    adamGroups(["EST-Admins"]);
    const first = await signIn("adam");
    expect(first.url.pathname).toBe(`/w/${workspace.slug}`);
    expect(await membershipOf(adam.email)).toMatchObject({ role: "admin", deactivatedAt: null });
    const userId = await adamId();

    // Removed from EST-Admins at the provider: the next sign-in takes the role away.
    adamGroups([]);
    const before = (await failures()).length;
    const second = await signIn("adam");
    expect(second.url.searchParams.get("sso")).toBe("no_mapping");
    expect(second.session).toBeNull();
    expect(await membershipOf(adam.email)).toMatchObject({ role: "admin", deactivatedAt: expect.any(Date) });
    // The session of the first sign-in ends with it.
    expect(await testDb.db.session.count({ where: { userId } })).toBe(0);
    expect(await auditOf(userId, "member_deactivated")).toEqual([
      { role: "admin", reason: "sso_no_mapping", via: "sso" },
    ]);
    expect((await failures()).slice(before)).toEqual([
      { details: { reason: "sso_no_mapping", via: "sso" }, targetId: userId },
    ]);

    // Back in the group: the claims that took the membership away give it back.
    adamGroups(["est-admins"]);
    expect((await signIn("adam")).url.pathname).toBe(`/w/${workspace.slug}`);
    expect(await membershipOf(adam.email)).toMatchObject({ role: "admin", deactivatedAt: null });
    expect(await auditOf(userId, "member_reactivated")).toEqual([{ via: "sso" }]);
  });

  it("lowers the membership the claims gave to the default role when only the default applies", async () => {
    await testDb.db.workspaceSsoSettings.update({
      where: { workspaceId: workspace.id },
      data: { defaultRole: "viewer", defaultRequiredValue: "falun-alla" },
    });
    adamGroups(["falun-alla"]);
    const { url } = await signIn("adam");
    expect(url.pathname).toBe(`/w/${workspace.slug}`);
    expect(await membershipOf(adam.email)).toEqual({
      role: "viewer",
      organizationId: kommun.id,
      deactivatedAt: null,
    });
    expect((await auditOf(await adamId(), "member_updated")).at(-1)).toEqual({
      role: "viewer",
      previousRole: "admin",
      organizationId: kommun.id,
      previousOrganizationId: null,
      via: "sso",
    });
  });

  it("leaves a role an admin set by hand as the admin set it", async () => {
    const userId = await adamId();
    const { caller: admin } = await loginAs(testDb.db, "admin@falun.example", TEST_PASSWORD, workspace.slug);
    await admin.workspace.updateMember({ userId, role: "analyst", organizationId: kommun.id });
    const updates = (await auditOf(userId, "member_updated")).length;
    adamGroups([]);
    const { url } = await signIn("adam");
    expect(url.pathname).toBe(`/w/${workspace.slug}`);
    expect(await membershipOf(adam.email)).toEqual({
      role: "analyst",
      organizationId: kommun.id,
      deactivatedAt: null,
    });
    expect(await auditOf(userId, "member_updated")).toHaveLength(updates);
    expect(await auditOf(userId, "member_deactivated")).toHaveLength(1);
  });
});

describe("the sign-in service, given claims a provider vouched for", () => {
  const identity = (subject: string, claims: Record<string, unknown>) => ({
    issuer: "https://login.microsoftonline.com/tenant/v2.0",
    subject,
    claims: { sub: subject, ...claims },
  });

  it("takes Entra ID's preferred_username as the address, and refuses with no_email when there is none", async () => {
    const signedIn = await signInWithSso({
      db: testDb.db,
      identity: identity("entra-1", {
        preferred_username: "Eva.Entra@Falun.example",
        groups: ["est-analytiker"],
      }),
      workspaceSlug: null,
      sessionDays: 14,
    });
    expect(signedIn.workspaceSlug).toBe(workspace.slug);
    expect(await membershipOf("eva.entra@falun.example")).toMatchObject({ role: "analyst" });
    await expect(
      signInWithSso({
        db: testDb.db,
        identity: identity("entra-2", { preferred_username: "E12345", groups: ["est-analytiker"] }),
        workspaceSlug: null,
        sessionDays: 14,
      }),
    ).rejects.toSatisfy((error) => error instanceof SsoRefusal && error.code === "no_email");
  });

  it("joins an existing account by an unverified address only when the installation trusts the provider's addresses", async () => {
    await createUser(testDb.db, {
      email: "tove@falun.example",
      memberships: [{ workspaceId: workspace.id, role: "viewer" }],
    });
    const tove = identity("entra-tove", { email: "tove@falun.example", groups: [] });
    const attempt = (trustEmail: boolean) =>
      signInWithSso({ db: testDb.db, identity: tove, workspaceSlug: null, sessionDays: 14, trustEmail });
    await expect(attempt(false)).rejects.toSatisfy(
      (error) => error instanceof SsoRefusal && error.code === "email_conflict",
    );
    expect((await attempt(true)).workspaceSlug).toBe(workspace.slug);
    expect(await testDb.db.oidcIdentity.count({ where: { subject: "entra-tove" } })).toBe(1);
  });
});

describe("the sign-in service, when claims stop matching or addresses are not to be trusted", () => {
  const identity = (subject: string, claims: Record<string, unknown>) => ({
    issuer: "https://login.microsoftonline.com/tenant/v2.0",
    subject,
    claims: { sub: subject, ...claims },
  });
  const attempt = (subject: string, claims: Record<string, unknown>, trustEmail = false) =>
    signInWithSso({
      db: testDb.db,
      identity: identity(subject, claims),
      workspaceSlug: null,
      sessionDays: 14,
      trustEmail,
    });
  const refusedWith = (code: string) => (error: unknown) =>
    error instanceof SsoRefusal && error.code === code;

  it("never takes a workspace's last active admin away, and says so in the log", async () => {
    const lone = await createWorkspace(testDb.db, { name: "EST Ensam", slug: "est-ensam" });
    await testDb.db.workspaceSsoSettings.create({
      data: {
        workspaceId: lone.id,
        isEnabled: true,
        rules: [{ value: "ensam-admins", role: "admin", organizationId: null }],
      },
    });
    try {
      await attempt("ensam-1", { email: "ensam@falun.example", groups: ["ensam-admins"] });
      expect(await membershipOf("ensam@falun.example", lone.id)).toMatchObject({ role: "admin" });
      expect((await attempt("ensam-1", { email: "ensam@falun.example", groups: [] })).workspaceSlug).toBe(
        lone.slug,
      );
      expect(await membershipOf("ensam@falun.example", lone.id)).toEqual({
        role: "admin",
        organizationId: null,
        deactivatedAt: null,
      });
      const kept = await testDb.db.auditEntry.findMany({
        where: { workspaceId: lone.id, action: "member_change_withheld" },
        select: { details: true },
      });
      expect(kept).toEqual([{ details: { role: "admin", reason: "sso_last_admin", via: "sso" } }]);
    } finally {
      await testDb.db.workspaceSsoSettings.update({
        where: { workspaceId: lone.id },
        data: { isEnabled: false },
      });
    }
  });

  it("never joins a system administrator's account by address, verified or trusted", async () => {
    const system = await createUser(testDb.db, { email: "system@falun.example", isSystemAdmin: true });
    const before = (await failures()).length;
    const claims = { email: "system@falun.example", groups: ["est-analytiker"] };
    await expect(attempt("entra-system", { ...claims, email_verified: true })).rejects.toSatisfy(
      refusedWith("system_admin"),
    );
    await expect(attempt("entra-system", claims, true)).rejects.toSatisfy(refusedWith("system_admin"));
    expect(await testDb.db.oidcIdentity.count({ where: { subject: "entra-system" } })).toBe(0);
    expect(await testDb.db.membership.count({ where: { userId: system.id } })).toBe(0);
    expect((await failures()).slice(before)).toEqual([
      { details: { reason: "sso_system_admin", via: "sso" }, targetId: system.id },
      { details: { reason: "sso_system_admin", via: "sso" }, targetId: system.id },
    ]);
  });

  it("takes email_verified for the email claim only, not for an address from preferred_username", async () => {
    await createUser(testDb.db, {
      email: "pia@falun.example",
      memberships: [{ workspaceId: workspace.id, role: "viewer" }],
    });
    await expect(
      attempt("entra-pia", { preferred_username: "pia@falun.example", email_verified: true, groups: [] }),
    ).rejects.toSatisfy(refusedWith("email_conflict"));
    expect(await testDb.db.oidcIdentity.count({ where: { subject: "entra-pia" } })).toBe(0);
    // The same address in a verified email claim joins the account; so would OIDC_TRUST_EMAIL.
    expect(
      (await attempt("entra-pia", { email: "pia@falun.example", email_verified: true, groups: [] }))
        .workspaceSlug,
    ).toBe(workspace.slug);
    expect(await testDb.db.oidcIdentity.count({ where: { subject: "entra-pia" } })).toBe(1);
  });

  it("gives a default role limited to an address domain only to verified addresses of that domain", async () => {
    await testDb.db.workspaceSsoSettings.update({
      where: { workspaceId: workspace.id },
      data: { defaultRole: "viewer", defaultEmailDomains: ["falun.example"] },
    });
    try {
      // Another kommun's staff at the same provider get no role here.
      await expect(
        attempt("annan-1", { email: "kim@annan.example", email_verified: true, groups: [] }),
      ).rejects.toSatisfy(refusedWith("no_mapping"));
      // Nor does an address of the domain the provider has not verified (a user name, here).
      await expect(
        attempt("annan-2", { preferred_username: "kim@falun.example", email_verified: true, groups: [] }),
      ).rejects.toSatisfy(refusedWith("no_mapping"));
      expect(
        await testDb.db.user.count({ where: { email: { in: ["kim@annan.example", "kim@falun.example"] } } }),
      ).toBe(0);
      await attempt("falun-1", { email: "kim@falun.example", email_verified: true, groups: [] });
      expect(await membershipOf("kim@falun.example")).toMatchObject({ role: "viewer", deactivatedAt: null });
    } finally {
      await testDb.db.workspaceSsoSettings.update({
        where: { workspaceId: workspace.id },
        data: { defaultRole: null, defaultEmailDomains: [] },
      });
    }
  });
});

describe("an installation without a provider", () => {
  it("sends /auth/oidc/start back to the login page and tells the client there is none", async () => {
    const plain = createApp({ db: testDb.db, cookies: { secure: "false" }, config: { mapStyleUrl: null } });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      const response = await fetch(`${base}/auth/oidc/start`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/login?sso=not_configured");
      const config = await (await fetch(`${base}/trpc/system.config`)).json();
      expect((config as { result: { data: { sso: unknown } } }).result.data.sso).toBeNull();
    } finally {
      plain.closeAllConnections();
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});
