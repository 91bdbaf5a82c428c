import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, fieldLabelled, openAs, PHONE, selectLabelled } from "./browser.ts";

const baseUrl = inject("baseUrl");
let context: BrowserContext;
let page: Page;

// A kommun's own enkät: shares in per cent, an interval as lower/upper, 2026 with too few answers.
const ENKAT = [
  "Indikator;Område;År;Andel;Nedre;Övre;Svarande",
  "Otrygg i centrum på kvällen;Mjälga-Centrum;2024;31,0;27,5;34,5;240",
  "Otrygg i centrum på kvällen;Mjälga-Centrum;2025;36,2;32,4;40,0;228",
  "Otrygg i centrum på kvällen;Mjälga-Centrum;2026;41,0;29,0;53,0;18",
].join("\n");

beforeAll(async () => {
  ({ context, page } = await openAs(baseUrl, "analytiker@borlange.example"));
});

afterAll(async () => {
  await context?.close();
});

const surveyForm = () =>
  page.locator("form", { has: page.getByRole("heading", { name: /Trygghetsmätning, NTU eller enkät/ }) });
const upload = (name: string, text: string) =>
  surveyForm()
    .getByLabel("Fil")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

describe("surveys in the browser", () => {
  it("imports an enkät, refuses a bad file by row and column, and shows results beside incidents", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/import`);
    await selectLabelled(surveyForm(), "Slag av undersökning").selectOption("enkat");
    await fieldLabelled(surveyForm(), "Undersökningens namn").fill("Centrumenkäten");
    await upload("fel.csv", ENKAT.replace("36,2;32,4", "36,2;37,4"));
    await surveyForm().getByRole("button", { name: "Importera" }).click();
    const issues = surveyForm().getByRole("table");
    await issues.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => issues.locator("tbody tr").first().innerText())
      .toMatch(/3\s+Nedre\s+intervallet/);
    await upload("centrumenkat.csv", ENKAT);
    await surveyForm().getByRole("button", { name: "Importera" }).click();
    await surveyForm()
      .getByRole("status")
      .filter({ hasText: "3 rader: 3 nya, 0 ändrade, 0 oförändrade." })
      .waitFor({ timeout: 15_000 });

    await page.getByRole("link", { name: "Trygghetsmätningar" }).click();
    await page.getByRole("heading", { name: "Trygghetsmätningar och enkäter" }).waitFor();
    await selectLabelled(page, "Undersökning").selectOption({ label: "Centrumenkäten (Egen enkät)" });
    const card = page.locator("[data-testid=survey-area][data-area='2081R008']");
    await card.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("survey=");
    const rows = card.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/2024\s+31,0 %\s+27,5 %–34,5 %\s+240/);
    // The uncertain year is marked in the table and drawn hollow and dashed in the chart.
    expect(await rows.nth(2).innerText()).toContain("(för få svarande)");
    expect(await rows.nth(1).innerText()).not.toContain("för få");
    expect(await card.locator("[data-testid=survey-chart] circle[stroke-dasharray]").count()).toBe(1);
    expect(await card.locator("[data-testid=survey-chart] .recharts-errorBar").count()).toBe(3);
    expect(await rows.nth(2).innerText()).toContain("(del av året)");
    const allIncidents = Number((await rows.nth(1).locator("td").nth(3).innerText()).replace(/\D/g, ""));
    expect(allIncidents).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // Incidents beside the results follow the chosen crime group.
    const group = selectLabelled(page, "Anmälda brott bredvid");
    const option = group.locator("option").nth(1);
    await group.selectOption((await option.getAttribute("value")) ?? "");
    await expect
      .poll(async () => Number((await rows.nth(1).locator("td").nth(3).innerText()).replace(/\D/g, "")), {
        timeout: 15_000,
      })
      .toBeLessThan(allIncidents);
  });

  it("fits a phone: the survey and findings pages never scroll sideways", async () => {
    const phone = await openAs(baseUrl, "lasare@borlange.example", PHONE);
    try {
      // Each page is measured once what makes it wide (cards, charts, the map) has been drawn.
      const drawn = {
        trygghet: "[data-testid=survey-area] [data-testid=survey-chart] svg",
        fynd: "[data-testid=findings-map][data-ready=true]",
      };
      for (const [path, selector] of Object.entries(drawn)) {
        await phone.page.goto(`${baseUrl}/w/est-borlange/${path}`);
        await phone.page.locator(selector).first().waitFor({ timeout: 30_000 });
        expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          390,
        );
        await expectNoAxeViolations(phone.page);
      }
    } finally {
      await phone.context.close();
    }
  });
});
