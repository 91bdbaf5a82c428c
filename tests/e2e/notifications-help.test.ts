import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  expectNoAxeViolations,
  fieldLabelled,
  MEETING_TUESDAY,
  openAs,
  openBrowser,
  PHONE,
  selectLabelled,
} from "./browser.ts";

const baseUrl = inject("baseUrl");
const contexts: BrowserContext[] = [];
let analyst: Page;

const bellCount = async (page: Page) => {
  const name = (await page.getByRole("link", { name: /^Aviseringar, / }).getAttribute("aria-label")) ?? "";
  const match = /^Aviseringar, (\d+) olästa$/.exec(name) ?? /^Aviseringar, (1) oläst$/.exec(name);
  return match ? Number(match[1]) : name === "Aviseringar, inga olästa" ? 0 : Number.NaN;
};

beforeAll(async () => {
  // Tuesday of week 49, the meeting day the issue describes.
  const opened = await openAs(baseUrl, "analytiker@borlange.example", undefined, MEETING_TUESDAY);
  contexts.push(opened.context);
  analyst = opened.page;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

describe("notifications", () => {
  it("the bell names the unread count, the list shows them, and reading one lowers it", async () => {
    await analyst.goto(`${baseUrl}/w/est-borlange`);
    // The demo has reports waiting for review and findings past their due date.
    await expect.poll(() => bellCount(analyst), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const before = await bellCount(analyst);
    await analyst.getByRole("link", { name: /^Aviseringar, / }).click();
    await analyst.getByRole("heading", { name: "Aviseringar", level: 1 }).waitFor();
    const list = analyst.getByTestId("notifications");
    await list.locator("li").first().waitFor();
    expect(await list.locator("li.is-unread").count()).toBe(before);
    await expect(list.textContent()).resolves.toMatch(/väntar på granskning/);
    await expect(list.textContent()).resolves.toMatch(/passerade slutdatum/);
    await expectNoAxeViolations(analyst);
    await list
      .getByRole("button", { name: /^Markera som läst/ })
      .first()
      .click();
    await expect.poll(() => bellCount(analyst)).toBe(before - 1);
    await expect.poll(() => list.locator("li.is-unread").count()).toBe(before - 1);
  });
});

describe("the glossary", () => {
  it("opens from a flag in a dialog that traps focus and closes with Escape", async () => {
    await analyst.goto(`${baseUrl}/w/est-borlange`);
    const button = analyst.getByRole("button", { name: "Vad betyder ökar nu?" });
    await button.click();
    const dialog = analyst.getByRole("dialog", { name: "ökar nu" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("slumpen");
    // A modal dialog: the page behind is inert, so Tab stays inside it.
    for (let i = 0; i < 3; i++) {
      await analyst.keyboard.press("Tab");
      expect(await analyst.evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")))).toBe(
        true,
      );
    }
    await expectNoAxeViolations(analyst);
    await analyst.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it("opens from a figure, and leads to the whole glossary at the entry", async () => {
    await analyst.goto(`${baseUrl}/w/est-borlange/utveckling`);
    await analyst.getByRole("button", { name: "Vad betyder förväntat intervall?" }).click();
    const dialog = analyst.getByRole("dialog", { name: "Förväntat intervall" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("95 av 100");
    await dialog.getByRole("link", { name: "Hela ordlistan" }).click();
    await analyst.waitForURL(/\/hjalp#intervall$/);
    await analyst.getByRole("heading", { name: "Hjälp: ord och siffror" }).waitFor();
    expect(await analyst.evaluate(() => document.activeElement?.id)).toBe("intervall");
    await expect(analyst.locator("dl.glossary").textContent()).resolves.toContain("färre än 5");
    await expectNoAxeViolations(analyst);
  });

  it("the weekday × hour table shows all 24 hours without scrolling", async () => {
    await analyst.goto(`${baseUrl}/w/est-borlange/utveckling`);
    const grid = analyst.getByTestId("hour-grid");
    await grid.waitFor();
    expect(await grid.locator("thead th").count()).toBe(24);
    const [tableWidth, boxWidth] = await grid.evaluate((table) => [
      table.scrollWidth,
      (table.closest(".table-scroll") as HTMLElement).clientWidth,
    ]);
    expect(tableWidth).toBeLessThanOrEqual(boxWidth ?? 0);
  });
});

describe("the citizen page on a phone", () => {
  it("finds a place by address, and copies the follow-up link", async () => {
    const context = await openBrowser(PHONE);
    contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const citizen = await context.newPage();
    await citizen.clock.install({ time: MEETING_TUESDAY });
    await citizen.goto(`${baseUrl}/rapport/est-borlange`);
    await citizen.getByRole("heading", { name: /Tipsa EST Borlänge/ }).waitFor();
    const address = fieldLabelled(citizen, "Eller skriv en adress");
    await address.fill("Lekplatsen");
    // The suggestions come from the public search: pick one by its full name.
    const option = citizen.locator("datalist option").first();
    await option.waitFor({ state: "attached" });
    const name = (await option.getAttribute("value")) ?? "";
    expect(name).toMatch(/^Lekplatsen \(/);
    await address.fill(name);
    await expect.poll(() => citizen.getByTestId("place-status").textContent()).toBe(`Plats vald: ${name}.`);
    await expectNoAxeViolations(citizen);
    await selectLabelled(citizen, "Vad gäller det?").selectOption("belysning");
    await fieldLabelled(citizen, "Beskriv vad du har sett").fill("Lampan vid lekplatsen är trasig.");
    await citizen.getByRole("button", { name: "Skicka tipset" }).click();
    const link = citizen.getByTestId("follow-link");
    await link.waitFor();
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/\/rapport\/status#/);
    // The long link wraps: nothing is wider than the phone.
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await link.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
    await citizen.getByRole("button", { name: "Kopiera länken" }).click();
    await expect.poll(() => citizen.getByTestId("copy-status").textContent()).toBe("Kopierad");
    expect(await citizen.getByTestId("copy-status").getAttribute("aria-live")).toBe("polite");
    expect(await citizen.evaluate(() => navigator.clipboard.readText())).toBe(href);
    await expectNoAxeViolations(citizen);
  });
});
