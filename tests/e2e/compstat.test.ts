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

describe("CompStat page", () => {
  it("lists the category groups with comparisons, a trend and an explained flag", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/utveckling?period=biweek&from=2026-W44`);
    await page.waitForSelector("[data-testid=compstat-table] tbody tr");
    await page.waitForSelector("[data-testid=trend-band] .recharts-area-area");
    await expect(page.getByTestId("trend-band").locator("figcaption").textContent()).resolves.toMatch(
      /av de senaste 26 perioderna/,
    );
    const groups = page.locator("[data-testid=compstat-table] tbody tr[data-depth='0']");
    expect(await groups.count()).toBe(7);
    const fraud = page.locator("tr[data-code=G-BEDRAGERI]");
    await fraud.getByRole("button", { name: "Visa underkategorier" }).click();
    expect(await page.locator("[data-testid=compstat-table] tbody tr[data-depth='1']").count()).toBe(4);
    const badge = fraud.locator(".rise-badge").first();
    await badge.focus();
    await expect(badge.getByRole("tooltip").textContent()).resolves.toMatch(
      /observerat \d+, förväntat [\d,]+/i,
    );
    // The sustained flag in plain words: the demo's fraud codes have climbed for two years.
    const sustained = fraud.locator(".rise-badge").nth(1);
    await expect(sustained.textContent()).resolves.toMatch(/^Säker ökning/);
    await sustained.focus();
    await expect(sustained.getByRole("tooltip").textContent()).resolves.toMatch(
      /^De senaste (13|26|52) veckorna: \+\d+ % jämfört med samma period i fjol \(\d+ mot \d+\), säker ökning\. .*p = /,
    );
    await expect(fraud.getByRole("img").getAttribute("aria-label")).resolves.toMatch(
      /^Antal de senaste 13 perioderna: (\d+, ){12}\d+$/,
    );
    // Year by year and the weekday × hour grid, whose cells add up to the incidents with a time.
    await page.waitForSelector("[data-testid=years-chart] .recharts-line", { state: "attached" });
    // Five years asked for; the demo's data begin in 2024, so the two years before it are left out.
    expect(await page.locator("[data-testid=years-chart] .recharts-line").count()).toBe(3);
    await expect(page.getByTestId("years-chart").getAttribute("data-years")).resolves.toBe("3");
    const grid = page.getByTestId("hour-grid");
    await grid.waitFor();
    const cells = await grid.locator("tbody td").allTextContents();
    expect(cells).toHaveLength(7 * 24);
    const sum = cells.reduce((total, text) => total + Number(text.replace(/\D/g, "") || 0), 0);
    expect(sum).toBe(Number(await grid.getAttribute("data-timed")));
    expect(sum).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });

  it("switches to crime date and to rows per area, keeping both in the URL", async () => {
    await page.getByLabel("Datum som räknas").selectOption("occurred");
    await page.waitForURL(/basis=occurred/);
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=compstat-basis]")?.textContent?.includes("brottsdatum"),
    );
    await page.getByLabel("Rader").selectOption("area");
    await page.waitForURL(/group=area/);
    await page.waitForSelector("tr[data-code='2081']");
    await expect(page.locator("tr[data-code='2081'] td").first().textContent()).resolves.toContain(
      "Borlänge",
    );
  });

  it("sorts a column when its header is clicked", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/utveckling?period=year&from=2025-W20`);
    await page.waitForSelector("[data-testid=compstat-table] tbody tr");
    const column = async () =>
      (await page.locator("tbody tr[data-depth='0'] td:nth-child(8)").allTextContents()).map((text) =>
        Number(text.replace(/\s/g, "")),
      );
    const header = page.getByRole("columnheader", { name: "Hittills i år" });
    // A year is judged against the year before by the sustained flag alone.
    await expect(page.getByRole("columnheader", { name: "Ökar över tid" }).count()).resolves.toBe(1);
    await expect(page.getByRole("columnheader", { name: "Bedömning" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Hittills i år" }).click();
    await expect(header.getAttribute("aria-sort")).resolves.toBe("descending");
    const descending = await column();
    expect(descending.length).toBe(7);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await page.getByRole("button", { name: "Hittills i år" }).click();
    await expect(header.getAttribute("aria-sort")).resolves.toBe("ascending");
    expect(await column()).toEqual([...descending].reverse());
  });

  it("links from the overview's rising-now list into the filtered CompStat view", async () => {
    await page.goto(`${baseUrl}/w/est-borlange?from=2026-W44`);
    const overTime = page.getByTestId("rising-over-time").getByRole("listitem").first();
    await overTime.waitFor();
    await expect(overTime.textContent()).resolves.toMatch(/^Bedrägeribrott m\.m\., BorlängeSäker ökning/);
    const first = page.getByTestId("rising-now").getByRole("link").first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/utveckling\?.*categories=/);
    await page.waitForSelector("[data-testid=compstat-table] tbody tr");
    expect(await page.locator("[data-testid=compstat-table] tbody tr[data-depth='0']").count()).toBe(1);
  });

  it("downloads the table on screen as CSV, in the order the screen sorts it", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/utveckling?period=biweek&from=2026-W44`);
    await page.waitForSelector("[data-testid=compstat-table] tbody tr");
    const table = page.getByTestId("compstat-table");
    await table.getByRole("button", { name: "Perioden", exact: true }).click();
    await expect(
      table.getByRole("columnheader", { name: "Perioden", exact: true }).getAttribute("aria-sort"),
    ).resolves.toMatch(/ascending|descending/);
    const onScreen = await table
      .locator("tbody tr[data-depth='0']")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-code")));
    expect(onScreen.length).toBeGreaterThan(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportera CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("est-borlange-brottsutveckling-2026-10-26-2026-11-08.csv");
    const text = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        stream.on("error", reject);
      });
    });
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]?.startsWith("Kategori;Kod;Nivå;Perioden")).toBe(true);
    const inFile = lines.filter((line) => line.split(";")[2] === "0").map((line) => line.split(";")[1]);
    expect(inFile).toEqual(onScreen);
    expect(lines.at(-1)?.startsWith("Totalt;")).toBe(true);
    const fraudCount = await page.locator("tr[data-code=G-BEDRAGERI] td:nth-child(2)").textContent();
    expect(lines.find((line) => line.split(";")[1] === "G-BEDRAGERI")?.split(";")[3]).toBe(
      fraudCount?.replace(/\s/g, ""),
    );
  });
});
