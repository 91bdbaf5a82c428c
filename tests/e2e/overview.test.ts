import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, login, openBrowser, waitForMap } from "./browser.ts";

const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const mapData = (name: string) => page.getAttribute("[data-testid=district-map]", `data-${name}`);
const chartTotal = async () => Number(await page.getAttribute("[data-testid=weekly-trend]", "data-total"));
const tableRows = () => page.locator("[data-testid=district-table] tbody tr").count();

describe("login page", () => {
  it("has no accessibility violations and refuses a wrong password readably", async () => {
    await page.goto(`${baseUrl}/login`);
    await expect(page.getByRole("heading", { name: "Logga in" }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel("E-postadress").fill("analytiker@borlange.example");
    await page.getByLabel("Lösenord").fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Fel e-postadress eller lösenord");
  });
});

describe("overview as the demo analyst", () => {
  it("draws the districts on the map, the weekly chart and the district table", async () => {
    await login(page, baseUrl, "analytiker@borlange.example");
    await waitForMap(page);
    expect(Number(await mapData("rendered-districts"))).toBe(27);
    await page.waitForSelector("[data-testid=weekly-trend] .recharts-bar-rectangle");
    expect(await page.locator("[data-testid=weekly-trend] .recharts-bar-rectangle").count()).toBeGreaterThan(
      40,
    );
    expect(await chartTotal()).toBeGreaterThan(1000);
    expect(await tableRows()).toBe(27);
    expect(Number((await page.getByTestId("total-count").textContent())?.replace(/\s/g, ""))).toBeGreaterThan(
      0,
    );
    await expect(page.getByTestId("role").textContent()).resolves.toContain("Analytiker");
  });

  it("has no accessibility violations once everything is drawn", async () => {
    await expectNoAxeViolations(page);
  });

  it("filters map, chart and table when a district on the map is clicked", async () => {
    const totalBefore = await chartTotal();
    // Click where Romme's label sits: labels are centred on the district's centroid.
    const label = page.locator(".map-label", { hasText: /^Romme$/ });
    const box = await label.boundingBox();
    if (!box) throw new Error("Romme's label is not on the map");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/areas=2081C1010/);
    await waitForMap(page, "2081C1010");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=district-table] tbody tr").length === 1,
    );
    await expect(
      page.locator("[data-testid=district-table] tbody tr").getAttribute("data-code"),
    ).resolves.toBe("2081C1010");
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector("[data-testid=weekly-trend]")?.getAttribute("data-total")) !== before,
      totalBefore,
    );
    const totalAfter = await chartTotal();
    expect(totalAfter).toBeGreaterThan(0);
    expect(totalAfter).toBeLessThan(totalBefore);
  });

  it("keeps the filter in the URL, so a reload shows the same view", async () => {
    await page.reload();
    await waitForMap(page, "2081C1010");
    expect(await tableRows()).toBe(1);
    await page
      .getByRole("form", { name: "Filter" })
      .getByRole("button", { name: "Föregående period" })
      .click();
    await page.waitForURL(/from=\d{4}-W\d{2}/);
    expect(page.url()).toContain("areas=2081C1010");
  });

  it("colours the map by count or change on request", async () => {
    await page.getByLabel("Färga kartan efter").selectOption("change");
    await page.waitForURL(/metric=change/);
    await expect(page.locator(".map-legend figcaption").textContent()).resolves.toContain(
      "förändring, antal händelser mot föregående period",
    );
    await waitForMap(page, "2081C1010");
    expect(Number(await mapData("rendered-districts"))).toBe(27);
  });

  it("shows incidents as points with their precision stated, then as clusters", async () => {
    await page.getByLabel("Händelser på kartan").selectOption("points");
    await page.waitForURL(/layer=points/);
    const note = page.getByTestId("points-note");
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain("Områdets mittpunkt");
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector<HTMLElement>("[data-testid=district-map]")?.dataset.renderedIncidentFeatures,
        ) > 0,
    );
    await page.getByLabel("Händelser på kartan").selectOption("clusters");
    await page.waitForURL(/layer=clusters/);
    await page.waitForFunction(() => {
      const map = document.querySelector<HTMLElement>("[data-testid=district-map]");
      return (
        map?.dataset.incidentLayers === "incidents-clusters,incidents-points" &&
        Number(map.dataset.renderedIncidentFeatures) > 0
      );
    });
    await expectNoAxeViolations(page);
  });

  it("switches the interface to English", async () => {
    await page.getByLabel("Språk").selectOption("en");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/^Overview/);
    await page.getByLabel("Language").selectOption("sv");
  });
});
