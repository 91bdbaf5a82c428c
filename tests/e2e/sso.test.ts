import type { AddressInfo } from "node:net";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { createApp } from "../../server/app.ts";
import { connectDb, type DbHandle } from "../../server/db/client.ts";
import { type ProviderAccount, reserveIdentityProvider, TEST_CLIENT } from "../support/identity-provider.ts";
import { expectNoAxeViolations, openBrowser } from "./browser.ts";

// Single sign-on in Chromium: an admin maps a group in Inställningar, a kommun analyst clicks
// "Logga in med Falu kommun", signs in at a real OpenID Connect provider and lands in the workspace.
// The shared browser-suite server has no provider, so this file starts its own app (the client
// global-setup built) over its own database, beside an oidc-provider on another loopback port.
const root = path.resolve(import.meta.dirname, "../..");
const SLUG = "est-falun-sso";
const accounts = new Map<string, ProviderAccount>([
  ["erik", { email: "erik@falun.example", name: "Erik Ek", groups: ["est-analytiker"] }],
  ["ulf", { email: "ulf@falun.example", name: "Ulf Utanför", groups: ["ekonomi"] }],
]);

let handle: DbHandle;
let app: ReturnType<typeof createApp>;
let idp: Awaited<ReturnType<typeof reserveIdentityProvider>>;
let baseUrl: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  handle = await connectDb({ pgliteDir: "memory" }, { migrate: true });
  const workspace = await createWorkspace(handle.db, { name: "EST Falun", slug: SLUG });
  await createOrganization(handle.db, { name: "Falu kommun", kind: "kommun", workspaceIds: [workspace.id] });
  await createUser(handle.db, {
    email: "admin@falun.example",
    name: "Astrid Admin",
    memberships: [{ workspaceId: workspace.id, role: "admin" }],
  });
  idp = await reserveIdentityProvider();
  app = createApp({
    db: handle.db,
    cookies: { secure: "false" },
    config: { mapStyleUrl: null },
    clientDir: path.join(root, "dist", "client"),
    oidc: {
      issuer: idp.issuer,
      clientId: TEST_CLIENT.id,
      clientSecret: TEST_CLIENT.secret,
      name: "Falu kommun",
      scopes: idp.scope,
    },
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  idp.start({ redirectUris: [`${baseUrl}/auth/oidc/callback`], accounts });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  if (app) {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
  }
  await idp?.close();
  await handle?.close();
});

async function signInAtProvider(login: string) {
  const context = await openBrowser();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("link", { name: "Logga in med Falu kommun" }).click();
  // The provider's own login page (oidc-provider's development interaction).
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("valfritt-lösenord");
  await page.getByRole("button", { name: "Sign-in" }).click();
  return page;
}

describe("single sign-on in the browser", () => {
  it("an admin maps a group in Inställningar; an analyst signs in through the provider and lands with that role", async () => {
    const adminContext = await openBrowser();
    contexts.push(adminContext);
    const admin = await adminContext.newPage();
    await admin.goto(`${baseUrl}/login`);
    // Both ways in on one page, and the page passes axe.
    await admin.getByRole("link", { name: "Logga in med Falu kommun" }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByLabel("E-postadress").fill("admin@falun.example");
    await admin.getByLabel("Lösenord").fill(TEST_PASSWORD);
    await admin.getByRole("button", { name: "Logga in", exact: true }).click();
    await admin.waitForURL(`${baseUrl}/w/${SLUG}`);

    await admin.getByRole("link", { name: "Inställningar" }).click();
    const panel = admin.getByTestId("sso-settings");
    await panel.waitFor();
    await panel.getByLabel("Ta emot inloggning via organisationens konto i den här arbetsytan").check();
    await panel.getByRole("button", { name: "Lägg till regel" }).click();
    await panel.getByLabel("Regel 1: Värde i claimet").fill("est-analytiker");
    await panel.getByRole("combobox", { name: "Regel 1: Roll" }).selectOption("analyst");
    await panel
      .getByRole("combobox", { name: "Regel 1: Organisation" })
      .selectOption({ label: "Falu kommun" });
    // A default role limited by nothing is refused, saying why; a claim value limits it.
    await panel
      .getByRole("combobox", { name: "Standardroll för den som inte matchar någon regel" })
      .selectOption("viewer");
    await panel.getByRole("button", { name: "Spara inloggningsinställningar" }).click();
    await expect.poll(() => panel.textContent()).toContain("En standardroll måste begränsas");
    await panel.getByLabel("Standardrollen bara med värdet i claimet").fill("falun-anställda");
    await panel.getByRole("button", { name: "Spara inloggningsinställningar" }).click();
    await expect
      .poll(() => panel.getByRole("status").textContent())
      .toBe("Inloggningsinställningarna är sparade.");
    expect(
      await handle.db.workspaceSsoSettings.findFirstOrThrow({
        select: { defaultRole: true, defaultRequiredValue: true },
      }),
    ).toEqual({ defaultRole: "viewer", defaultRequiredValue: "falun-anställda" });
    await expectNoAxeViolations(admin);

    const page = await signInAtProvider("erik");
    await page.waitForURL(`${baseUrl}/w/${SLUG}`);
    await expect.poll(() => page.getByTestId("role").textContent()).toBe("Roll: Analytiker");
    const membership = await handle.db.membership.findFirstOrThrow({
      where: { user: { email: "erik@falun.example" } },
      select: { role: true, organization: { select: { name: true } } },
    });
    expect(membership).toEqual({ role: "analyst", organization: { name: "Falu kommun" } });
  });

  it("someone no rule maps is back on the login page, told why in Swedish", async () => {
    const page = await signInAtProvider("ulf");
    await page.waitForURL(`${baseUrl}/login?sso=no_mapping`);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Ditt konto ger ingen roll i någon arbetsyta här.");
    await expectNoAxeViolations(page);
    expect(await handle.db.user.count({ where: { email: "ulf@falun.example" } })).toBe(0);
    // The password form still signs local accounts in.
    await page.getByLabel("E-postadress").fill("admin@falun.example");
    await page.getByLabel("Lösenord").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await page.waitForURL(`${baseUrl}/w/${SLUG}`);
  });
});
