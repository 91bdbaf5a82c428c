import ExcelJS from "exceljs";
import type { BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, login, openBrowser, selectLabelled, waitForMap } from "./browser.ts";

// The analyst preparing Tuesday's meeting (issue 15): the browser's clock is Tuesday 1 December
// 2026, ISO week 49. The demo meets every other week on the anchor 2024-01-08, so its latest
// complete period is weeks 46–47; its data ends on 15 November.
const baseUrl = inject("baseUrl");
const TUESDAY = new Date("2026-12-01T09:00:00+01:00");
let analystContext: BrowserContext;
let adminContext: BrowserContext;
let page: Page;
let admin: Page;

async function openAtTuesday(email: string) {
  const context = await openBrowser();
  const opened = await context.newPage();
  await opened.clock.install({ time: TUESDAY });
  await login(opened, baseUrl, email);
  return { context, page: opened };
}

beforeAll(async () => {
  ({ context: analystContext, page } = await openAtTuesday("analytiker@borlange.example"));
  ({ context: adminContext, page: admin } = await openAtTuesday("admin@borlange.example"));
});

afterAll(async () => {
  await analystContext?.close();
  await adminContext?.close();
});

/** Waits for a text the page renders once its data has come (the default poll gives up after a second). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const heading = (on: Page = page) => on.getByRole("heading", { level: 1 }).textContent();
const periodLabel = () => page.getByTestId("period-label").textContent();
const shortcut = (name: string) =>
  page.getByRole("group", { name: "Snabbval" }).getByRole("button", { name });

async function downloadBytes(download: Download) {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
const downloadText = async (download: Download) => (await downloadBytes(download)).toString("utf8");

/** An Excel download's sheets, each as rows of cell values. */
async function downloadSheets(download: Download) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadBytes(download)) as never);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** Clicks one of a region's export buttons and waits for the file. */
async function exportFrom(region: string, button: "Exportera CSV" | "Exportera Excel") {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("region", { name: region, exact: true }).getByRole("button", { name: button }).click(),
  ]);
  return download;
}

/** The admin sets the rhythm from one meeting's date and waits until it is saved. */
async function setRhythm(meetingDate: string) {
  await admin.goto(`${baseUrl}/w/est-borlange/installningar`);
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "Spara mötesrytmen" }) });
  await form.getByPlaceholder("ÅÅÅÅ-MM-DD").fill(meetingDate);
  await form.getByRole("button", { name: "Spara mötesrytmen" }).click();
  await form.getByRole("status").waitFor();
}

describe("the period a meeting needs", () => {
  it("opens on the latest complete period of the workspace's rhythm", async () => {
    await waitForMap(page);
    await poll(() => heading()).toBe("Översikt: v. 46–47 2026 (9 nov. – 22 nov.)");
    await expect(shortcut("Senaste mötesperioden").getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(page.getByTestId("so-far-note").count()).resolves.toBe(0);
    await expect(selectLabelled(page, "Periodtyp").inputValue()).resolves.toBe("biweek");
    await page.waitForSelector("[data-testid=weekly-trend] .recharts-bar-rectangle");
    await expectNoAxeViolations(page);
  });

  it("follows the rhythm when an admin moves it, and back", async () => {
    try {
      // Meetings on Tuesdays of weeks 49, 51 …: today's reviews weeks 47–48.
      await setRhythm("2026-12-01");
      await expect(
        admin.getByTestId("rhythm-preview").getByRole("listitem").first().textContent(),
      ).resolves.toBe("tisdag 1 december: går igenom v. 47–48 2026 (16 nov. – 29 nov.)");
      await expectNoAxeViolations(admin);
      await page.goto(`${baseUrl}/w/est-borlange`);
      await poll(() => heading()).toMatch(/^Översikt: v\. 47–48 2026/);
    } finally {
      await setRhythm("2024-01-08");
    }
    await page.goto(`${baseUrl}/w/est-borlange`);
    await poll(() => heading()).toMatch(/^Översikt: v\. 46–47 2026/);
  });

  it("keeps the date looked at when the period type changes", async () => {
    await selectLabelled(page, "Periodtyp").selectOption("month");
    await poll(() => periodLabel()).toBe("november 2026");
    // The month is over: its end lies in 2026, a year still running, which is marked.
    await selectLabelled(page, "Periodtyp").selectOption("year");
    await poll(() => periodLabel()).toBe("2026 hittills, t.o.m. 1 dec.");
    // From a running year, the latest complete week: week 48, not week 1.
    await selectLabelled(page, "Periodtyp").selectOption("week");
    await poll(() => periodLabel()).toBe("v. 48 2026 (23 nov. – 29 nov.)");
  });

  it("offers the last two complete weeks whatever the rhythm", async () => {
    await shortcut("Senaste två hela veckorna").click();
    await page.waitForURL(/period=twoweeks/);
    await poll(() => periodLabel()).toBe("v. 47–48 2026 (16 nov. – 29 nov.)");
    await expect(selectLabelled(page, "Periodtyp").inputValue()).resolves.toBe("twoweeks");
    await expect(shortcut("Senaste två hela veckorna").getAttribute("aria-pressed")).resolves.toBe("true");
  });

  it("marks a period up to today on the table, the chart, the map and in the export", async () => {
    await shortcut("Senaste mötesperioden").click();
    await shortcut("Hittills (till i dag)").click();
    await page.waitForURL(/from=2026-W48/);
    await poll(() => heading()).toBe("Översikt: v. 48–49 2026 (23 nov. – 6 dec.), hittills, t.o.m. 1 dec.");
    await poll(() => page.getByTestId("so-far-note").textContent()).toContain(
      "Föregående period jämförs med lika många dagar (9 nov.–17 nov.).",
    );
    await expect(page.getByTestId("table-so-far").textContent()).resolves.toContain(
      "Hittills, t.o.m. 1 dec.",
    );
    await expect(page.getByRole("columnheader", { name: "Antal hittills" }).count()).resolves.toBe(1);
    await expect(
      page.getByRole("columnheader", { name: "Föregående, lika många dagar" }).count(),
    ).resolves.toBe(1);
    const chart = page.getByTestId("weekly-trend");
    await page.waitForSelector("[data-testid=weekly-trend][data-partial-week='2026-W49']");
    await expect(page.getByTestId("partial-week-note").textContent()).resolves.toContain(
      "v. 49 är inte slut",
    );
    await expect(chart.locator("svg text", { hasText: "v49 (hittills)" }).count()).resolves.toBe(1);
    await expect(page.getByTestId("legend-so-far").textContent()).resolves.toBe("hittills, t.o.m. 1 dec.");
    await expect(page.getByTestId("rising-judged-previous").textContent()).resolves.toContain("v. 46–47");
    const download = await exportFrom("Områden", "Exportera CSV");
    expect(download.suggestedFilename()).toBe("est-borlange-omraden-2026-11-23-2026-12-01-hittills.csv");
    const lines = (await downloadText(download))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Antal hittills (t.o.m. 2026-12-01, ofullständig period)");
    // The rows in the table's order (most incidents first, as it opens) and a total row.
    const onScreen = await page
      .getByTestId("district-table")
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-code")));
    expect(lines.slice(1, -1).map((line) => line.split(";")[1])).toEqual(onScreen);
    expect(lines.at(-1)?.split(";")[3]).toBe(
      (await page.getByTestId("total-count").textContent())?.replace(/\s/g, ""),
    );
    // Excel: the Urval sheet says the period is unfinished, in Swedish words and Stockholm time.
    const excel = await exportFrom("Områden", "Exportera Excel");
    expect(excel.suggestedFilename()).toBe("est-borlange-omraden-2026-11-23-2026-12-01-hittills.xlsx");
    const selection = new Map(
      ((await downloadSheets(excel)).get("Urval") ?? []).map((row) => [String(row[0]), String(row[1])]),
    );
    expect(selection.get("Period")).toBe(
      "v. 48–49 2026 (2026-11-23 – 2026-12-06), ofullständig period: hittills t.o.m. 2026-12-01",
    );
    expect(selection.get("Periodtyp")).toBe("Tvåveckorsperiod");
    expect(selection.get("Sortering")).toBe(
      "Antal hittills (t.o.m. 2026-12-01, ofullständig period), fallande",
    );
    expect(selection.get("Exporterad")).toMatch(
      /^\d{1,2} \p{L}+ \d{4} kl\. \d{2}:\d{2} \(Europe\/Stockholm\)$/u,
    );
    await expectNoAxeViolations(page);
  });
});

describe("filters that follow the user", () => {
  it("carries an area clicked on the map to Brottsutveckling and Fynd, and back", async () => {
    await page.goto(`${baseUrl}/w/est-borlange`);
    await waitForMap(page);
    const label = page.locator(".map-label", { hasText: /^Romme$/ });
    const box = await label.boundingBox();
    if (!box) throw new Error("Romme's label is not on the map");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/areas=2081C1010/);
    await poll(() => heading()).toBe("Översikt: Romme, v. 46–47 2026 (9 nov. – 22 nov.)");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await nav.getByRole("link", { name: "Brottsutveckling" }).click();
    await page.waitForURL(/\/utveckling\?.*areas=2081C1010/);
    await poll(() => heading()).toBe("Brottsutveckling: Romme, v. 46–47 2026 (9 nov. – 22 nov.)");
    // The field-input filters do not apply to CompStat, so they are not shown there.
    const filters = page.getByRole("form", { name: "Filter" });
    await expect(filters.getByText("Fältdata på kartan").count()).resolves.toBe(0);
    await expect(filters.getByText("Fyndstatus").count()).resolves.toBe(0);
    await page.waitForSelector("[data-testid=compstat-table] tbody tr");
    await expectNoAxeViolations(page);
    await nav.getByRole("link", { name: "Fynd", exact: true }).click();
    await page.waitForURL(/\/fynd\?.*areas=2081C1010/);
    await poll(() => heading()).toBe("Fynd från trygghetsvandringar: Romme");
    // Through a page that does not use the filter, and back to the overview.
    await nav.getByRole("link", { name: "Dialoger" }).click();
    await page.waitForURL(/\/dialoger$/);
    await nav.getByRole("link", { name: "Översikt" }).click();
    await page.waitForURL(/\/w\/est-borlange\?.*areas=2081C1010/);
    await waitForMap(page, "2081C1010");
    await poll(() => heading()).toBe("Översikt: Romme, v. 46–47 2026 (9 nov. – 22 nov.)");
  });

  it("exports the findings on screen in the order the table shows them", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/fynd?areas=2081C1140`);
    const table = page.getByTestId("findings-table");
    await page.waitForSelector("[data-testid=findings-table] tbody tr");
    await table.getByRole("button", { name: "Allvar", exact: true }).click();
    await table.getByRole("button", { name: "Allvar", exact: true }).click();
    await expect(
      table.getByRole("columnheader", { name: "Allvar", exact: true }).getAttribute("aria-sort"),
    ).resolves.toMatch(/ascending|descending/);
    const onScreen = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-description")));
    expect(onScreen.length).toBeGreaterThan(1);
    const title = (await page.locator("#findings-list-title").textContent()) ?? "";
    const file = await exportFrom(title, "Exportera Excel");
    expect(file.suggestedFilename()).toMatch(/^est-borlange-fynd-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await downloadSheets(file);
    const rows = sheets.get("Tabell") ?? [];
    expect(rows.slice(1, -1).map((row) => row[3])).toEqual(onScreen);
    expect(rows.at(-1)?.[0]).toBe(`Totalt: ${onScreen.length} fynd`);
    const selection = new Map((sheets.get("Urval") ?? []).map((row) => [row[0], row[1]]));
    expect(selection.get("Områden")).toMatch(/^[^(]+ \(2081C1140\)$/);
    expect(selection.get("Sortering")).toMatch(/^Allvar, (stigande|fallande)$/);
    await expectNoAxeViolations(page);
  });
});
