import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, login, openBrowser } from "./browser.ts";

const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.newPage();
  await login(page, baseUrl, "analytiker@borlange.example");
});

afterAll(async () => {
  await browser?.close();
});

describe("category tree", () => {
  it("creates a group for fraud against the elderly and moves a fraud code into it", async () => {
    await page.getByRole("link", { name: "Kategorier" }).click();
    await page.getByTestId("category-tree").waitFor();
    await expectNoAxeViolations(page);
    const newGroup = page.locator("form", { has: page.getByRole("button", { name: "Skapa grupp" }) });
    await newGroup.getByLabel("Namn (svenska)").fill("Bedrägerier mot äldre");
    await newGroup.getByLabel("Namn (engelska)").fill("Fraud against the elderly");
    await newGroup.locator("select").selectOption("G-BEDRAGERI");
    await newGroup.getByRole("button", { name: "Skapa grupp" }).click();
    const group = page.locator("tr[data-code=G-BEDRAGERIER-MOT-ALDRE]");
    await group.waitFor();
    expect(await group.getAttribute("data-depth")).toBe("1");

    const code = page.locator("tr[data-code='995']");
    const codeName = (await code.locator("td").first().textContent()) ?? "";
    await code.getByRole("button", { name: /Ändra/ }).click();
    const editor = page.getByRole("form", { name: `Ändra ${codeName}` });
    await editor.locator("select").selectOption("G-BEDRAGERIER-MOT-ALDRE");
    await editor.getByRole("button", { name: "Spara" }).click();
    await page.waitForFunction(
      () => document.querySelector("tr[data-code='995']")?.getAttribute("data-depth") === "2",
    );

    // CompStat filtered to the new group counts exactly the moved code.
    await page.goto(
      `${baseUrl}/w/est-borlange/utveckling?period=year&from=2026-W20&categories=G-BEDRAGERIER-MOT-ALDRE`,
    );
    const groupRow = page.locator("[data-testid=compstat-table] tr[data-code=G-BEDRAGERIER-MOT-ALDRE]");
    await groupRow.waitFor();
    await groupRow.getByRole("button", { name: "Visa underkategorier" }).click();
    const codeRow = page.locator("[data-testid=compstat-table] tr[data-code='995']");
    const current = async (row: typeof codeRow) => (await row.locator("td").nth(1).textContent())?.trim();
    expect(await current(codeRow)).toBe(await current(groupRow));
  });
});
