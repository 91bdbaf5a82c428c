import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, openAs, openBrowser, selectLabelled } from "./browser.ts";

// A new person joins the demo workspace through an admin's invitation link, and is shut out again.
const baseUrl = inject("baseUrl");
const PASSWORD = "tre-tunna-trastar-i-tunabyggen";
const contexts: BrowserContext[] = [];

let admin: Page;

beforeAll(async () => {
  const opened = await openAs(baseUrl, "admin@borlange.example");
  contexts.push(opened.context);
  admin = opened.page;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

describe("accounts in the browser", () => {
  it("invites a member of Tunabyggen, who sets a password and lands in the workspace, and is signed out once deactivated", async () => {
    await admin.getByRole("link", { name: "Medlemmar" }).click();
    await admin.waitForSelector("[data-testid=member-row]");
    await expectNoAxeViolations(admin);
    const email = `nora.nyberg.${Date.now()}@tunabyggen.example`;
    await admin.getByLabel("E-postadress", { exact: true }).fill(email);
    await selectLabelled(admin, "Roll").selectOption("member");
    await selectLabelled(admin, "Organisation").selectOption({ label: "Tunabyggen" });
    await admin.getByRole("button", { name: "Skapa inbjudan" }).click();
    const linkField = admin.getByLabel("Engångslänk");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/inbjudan#[A-Za-z0-9_-]{43}$`));
    const token = link.split("#")[1] ?? "";
    await admin.getByRole("button", { name: `Återkalla inbjudan till ${email}` }).waitFor();
    await expectNoAxeViolations(admin);

    // A fresh browser, as the invited person's own.
    const invitee = await openBrowser();
    contexts.push(invitee);
    const page = await invitee.newPage();
    const requestUrls: string[] = [];
    page.on("request", (request) => requestUrls.push(request.url()));
    await page.goto(link);
    await page.getByRole("heading", { name: "Inbjudan till EST Borlänge" }).waitFor();
    expect(await page.locator(".facts").textContent()).toContain("Tunabyggen");
    await page.getByLabel("Ditt namn").fill("Nora Nyberg");
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("för-kort");
    await expect.poll(() => page.getByText("Minst 12 tecken (8 nu).").count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByLabel("Nytt lösenord", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Upprepa lösenordet").fill(PASSWORD);
    await page.getByRole("button", { name: "Gå med i arbetsytan" }).click();
    await page.waitForURL(`${baseUrl}/w/est-borlange`);
    await expect.poll(() => page.getByTestId("role").textContent()).toBe("Roll: Medlem");
    // The token travelled only in POST bodies: no URL a server or proxy logs holds it.
    const sentWithToken = requestUrls.filter((url) => {
      const { pathname, search } = new URL(url);
      return `${pathname}${search}`.includes(token);
    });
    expect(requestUrls.length).toBeGreaterThan(3);
    expect(sentWithToken).toEqual([]);

    // The admin sees the new member and deactivates them.
    await admin.reload();
    const row = admin.locator(`[data-testid=member-row][data-email="${email}"]`);
    await expect.poll(() => row.getAttribute("data-active")).toBe("true");
    expect(
      await row.getByRole("combobox", { name: "Organisation för Nora Nyberg" }).inputValue(),
    ).toBeTruthy();
    await row.getByRole("button", { name: "Stäng av Nora Nyberg" }).click();
    await expect.poll(() => row.getAttribute("data-active")).toBe("false");

    // Their open page is signed out on its next request, and signing in again is refused.
    await page.getByRole("link", { name: "Lägesbild", exact: true }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Kontot är avstängt");
  });

  it("lets a user change their own password, and shows a system administrator the workspaces", async () => {
    await admin.getByRole("link", { name: "Mitt konto" }).click();
    await admin.getByLabel("Nuvarande lösenord").waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByRole("link", { name: "Arbetsytor" }).click();
    await admin.getByRole("cell", { name: "est-borlange" }).waitFor();
    await expectNoAxeViolations(admin);
  });
});
