import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatIsoWeek, isoWeekOf, toLocalDate } from "../../shared/calendar.ts";
import { expectNoAxeViolations, login, openBrowser, selectLabelled } from "./browser.ts";

const baseUrl = inject("baseUrl");
let browser: BrowserContext;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("what each demo role sees", () => {
  it("shows the viewer the picture but no way to write or administer", async () => {
    const page = await browser.newPage();
    await login(page, baseUrl, "lasare@borlange.example");
    await page.waitForSelector("[data-testid=district-table] tbody tr");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link", { name: "Rapportera", exact: true }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Mina rapporter" }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: /^Granskning/ }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Medlemmar" }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Inställningar" }).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/w/est-borlange/medlemmar`);
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Din roll i arbetsytan tillåter inte detta",
    );
    await page.close();
  });

  it("gives a partner member one way to report: it waits for review and moves no figure until approved", async () => {
    const page = await browser.newPage();
    await login(page, baseUrl, "partner@borlange.example");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    // Reviewing is for analysts: no queue and no count for a member.
    await expect(nav.getByRole("link", { name: /^Granskning/ }).count()).resolves.toBe(0);
    await expect(nav.getByRole("link", { name: "Fältrapport" }).count()).resolves.toBe(0);
    const today = toLocalDate(new Date());
    const view = `${baseUrl}/w/est-borlange?period=week&from=${formatIsoWeek(isoWeekOf(today))}&areas=2081C1090`;
    const totalIn = async () => {
      await page.goto(view);
      await page.waitForSelector("[data-testid=total-count]");
      return Number((await page.getByTestId("total-count").textContent())?.replace(/\s/g, ""));
    };
    const before = await totalIn();
    await nav.getByRole("link", { name: "Rapportera", exact: true }).click();
    await page.waitForURL(/\/rapportera$/);
    await selectLabelled(page, "Eller välj område").selectOption("Mjälga-Centrum");
    await selectLabelled(page, "Vad gäller det?").selectOption("brand");
    await page.getByLabel(/^Vad hände\?/).fill("Brand i container vid skolan.");
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await expect(page.getByTestId("report-sent").textContent()).resolves.toContain("väntar på granskning");
    expect(await totalIn()).toBe(before);
    await page.close();
  });

  it("shows the admin the members of the workspace", async () => {
    const page = await browser.newPage();
    await login(page, baseUrl, "admin@borlange.example");
    await page.getByRole("link", { name: "Medlemmar" }).click();
    await page.waitForSelector("[data-testid=member-row]");
    // Other browser tests may have invited people meanwhile: the demo's four are there.
    const emails = await page
      .locator("[data-testid=member-row]")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-email")));
    expect(emails).toEqual(
      expect.arrayContaining([
        "admin@borlange.example",
        "analytiker@borlange.example",
        "lasare@borlange.example",
        "partner@borlange.example",
      ]),
    );
    await expectNoAxeViolations(page);
    await page.close();
  });

  it("lets the admin set the notes' retention and the survey minimum", async () => {
    const page = await browser.newPage();
    await login(page, baseUrl, "admin@borlange.example");
    await page.getByRole("link", { name: "Inställningar" }).click();
    const retention = page.getByLabel("Spara anteckningar från dialoger (dagar)");
    await expect.poll(() => retention.inputValue(), { timeout: 15_000 }).toBe("365");
    await expectNoAxeViolations(page);
    await retention.fill("400");
    await page.getByLabel("Minsta antal svarande").fill("25");
    await page.getByRole("button", { name: "Spara inställningarna" }).click();
    await page.getByRole("status").filter({ hasText: "Sparat. 0 anteckningar" }).waitFor({ timeout: 15_000 });
    await page.reload();
    await expect.poll(() => retention.inputValue(), { timeout: 15_000 }).toBe("400");
    expect(await page.getByLabel("Minsta antal svarande").inputValue()).toBe("25");
    // Back to the defaults the other browser tests expect.
    await retention.fill("365");
    await page.getByLabel("Minsta antal svarande").fill("30");
    await page.getByRole("button", { name: "Spara inställningarna" }).click();
    await page.getByRole("status").waitFor({ timeout: 15_000 });
    await page.close();
  });
});
