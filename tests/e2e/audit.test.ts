import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, openAs, openBrowser, selectLabelled } from "./browser.ts";

// The demo's admin (also a system administrator) reads who did what: their own sign-in, filtered,
// and a failed sign-in on their account, which belongs to no workspace.
const baseUrl = inject("baseUrl");
const contexts: BrowserContext[] = [];
let admin: Page;

beforeAll(async () => {
  // A wrong password for the admin's account, from another browser, before they sign in.
  const other = await openBrowser();
  contexts.push(other);
  const guess = await other.newPage();
  await guess.goto(`${baseUrl}/login`);
  await guess.getByLabel("E-postadress").fill("admin@borlange.example");
  await guess.getByLabel("Lösenord").fill("fel-losenord-i-e2e");
  await guess.getByRole("button", { name: "Logga in" }).click();
  await guess.getByRole("alert").waitFor();
  const opened = await openAs(baseUrl, "admin@borlange.example");
  contexts.push(opened.context);
  admin = opened.page;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

const rows = (page: Page) => page.locator("[data-testid=audit-table] tbody tr");

describe("the audit log in the browser", () => {
  it("shows the admin their own sign-in, filters by action and user, and exports what it shows", async () => {
    await admin.getByRole("link", { name: "Medlemmar" }).click();
    await admin.getByRole("link", { name: "Händelselogg" }).click();
    await admin.waitForURL(`${baseUrl}/w/est-borlange/medlemmar/logg`);
    await admin.getByRole("heading", { name: "Händelselogg", level: 1 }).waitFor();
    await rows(admin).first().waitFor();
    await expectNoAxeViolations(admin);

    await selectLabelled(admin, "Händelse").selectOption({ label: "Inloggning" });
    await selectLabelled(admin, "Användare").selectOption({ label: "Anna Administratör" });
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    await admin.getByRole("textbox", { name: /^Från och med/ }).fill(today);
    await admin.getByRole("button", { name: "Visa" }).click();
    await expect
      .poll(
        async () =>
          new Set(await rows(admin).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")))),
      )
      .toEqual(new Set(["sign_in"]));
    const newest = rows(admin).first();
    expect(await newest.textContent()).toContain("Anna Administratör");
    expect(await newest.textContent()).toContain("Administratör, Borlänge kommun");
    // Signed in moments ago: the time shown is within the last ten minutes.
    const at = Date.parse((await newest.locator("time").getAttribute("datetime")) ?? "");
    expect(Date.now() - at).toBeLessThan(10 * 60_000);
    await expectNoAxeViolations(admin);

    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: "Exportera CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^handelselogg-est-borlange-\d{4}-\d{2}-\d{2}\.csv$/);

    // The export itself is in the log.
    await selectLabelled(admin, "Händelse").selectOption({ label: "Händelselogg exporterad" });
    await admin.getByRole("button", { name: "Visa" }).click();
    await expect.poll(() => rows(admin).first().textContent()).toContain("Format: CSV");
  });

  it("shows failed sign-ins only on the system page, naming the account but nothing typed", async () => {
    await selectLabelled(admin, "Händelse").selectOption({ label: "Misslyckad inloggning" });
    await admin.getByRole("button", { name: "Rensa filter" }).click();
    await selectLabelled(admin, "Händelse").selectOption({ label: "Misslyckad inloggning" });
    await admin.getByRole("button", { name: "Visa" }).click();
    await expect.poll(() => admin.getByText("0 händelser").count()).toBe(1);

    await admin.goto(`${baseUrl}/system`);
    const panel = admin.getByRole("region", { name: "Händelser utan arbetsyta" });
    await selectLabelled(panel, "Händelse").selectOption({ label: "Misslyckad inloggning" });
    await panel.getByRole("button", { name: "Visa" }).click();
    const failed = rows(admin).first();
    await expect.poll(() => failed.getAttribute("data-action")).toBe("sign_in_failed");
    expect(await failed.textContent()).toContain("Användare: Anna Administratör");
    expect(await failed.textContent()).toContain("Fel e-post eller lösenord");
    expect(await admin.locator("main").textContent()).not.toContain("fel-losenord-i-e2e");
    await expectNoAxeViolations(admin);
  });
});
