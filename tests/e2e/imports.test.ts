import type { BrowserContext, Locator, Page } from "playwright-core";
import proj4 from "proj4";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BORLANGE_DESO } from "../../prisma/demo/borlange.ts";
import { expectNoAxeViolations, login, openBrowser, selectLabelled } from "./browser.ts";

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

const select = (name: string, within: Locator | Page = page) => selectLabelled(within, name);

describe("imports in the browser", () => {
  it("uploads a partner CSV, previews it, maps its columns and imports it", async () => {
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByLabel("Ny datakälla").fill("Tunabyggen bovärdar");
    await page.getByRole("button", { name: "Skapa datakälla" }).click();
    await expect.poll(() => select("Datakälla").inputValue(), { timeout: 15_000 }).not.toBe("");
    const csv =
      "Datum;Typ;Område;Antal\r\n2026-11-10;P-KLOTTER;Mjälga-Centrum;4\r\n11/11/2026;Brand i container;Forssa;1\r\n";
    await page
      .locator("#partner-import-title")
      .locator("..")
      .getByLabel("Fil")
      .setInputFiles({ name: "bovardar.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
    await page.getByTestId("preview-table").waitFor();
    await expect(page.getByTestId("preview-summary").textContent()).resolves.toContain(
      "2 rader, csv (windows-1252, ;)",
    );
    await select("Datum").selectOption("Datum");
    await select("Kategori").selectOption("Typ");
    await select("Område anges med").selectOption("name");
    await select("Område").selectOption("Område");
    await select("Antal").selectOption("Antal");
    await expectNoAxeViolations(page);
    await page
      .locator("#partner-import-title")
      .locator("..")
      .getByRole("button", { name: "Importera" })
      .click();
    await page.getByRole("status").filter({ hasText: "2 rader importerades" }).waitFor();
    // The history refreshes after the import: the newest row is this file.
    await expect
      .poll(() => page.locator("[data-testid=import-history] tbody tr").first().textContent(), {
        timeout: 15_000,
      })
      .toContain("bovardar.csv");
  });

  it("shows a broken police delivery's errors by file row and column", async () => {
    const broken =
      "Kommunkod,desokod,Brottskod,Brottskod text,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil\n2081,2081C1090,853,Stöld,2026-02-30,-,-,1,Brottsstatistik_Borlänge_202602.csv\n";
    const form = page.locator("form", {
      has: page.getByRole("heading", { name: "Polisens leveranser (CSV)" }),
    });
    await form
      .getByLabel("Fil")
      .setInputFiles({ name: "trasig.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await form.getByRole("button", { name: "Importera" }).click();
    const alert = form.getByRole("alert");
    await expect(alert.textContent()).resolves.toContain("Filen har 1 fel och ingenting importerades");
    await expect(alert.locator("tbody tr").first().textContent()).resolves.toMatch(
      /^2Inskrivningsdatum"2026-02-30"/,
    );
  });

  it("says why an earlier police delivery cannot be undone once a colleague imported a later one", async () => {
    const formIn = (tab: Page) =>
      tab.locator("form", { has: tab.getByRole("heading", { name: "Polisens leveranser (CSV)" }) });
    const rowIn = (tab: Page, name: string) =>
      tab.locator("[data-testid=import-history] tbody tr", { hasText: name });
    const importDelivery = async (tab: Page, name: string, day: string) => {
      const buffer = Buffer.from(
        "Kommunkod,desokod,Brottskod,Brottskod text,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil\n" +
          `2081,2081C1090,853,Stöld,2026-02-${day},-,-,1,Brottsstatistik_Borlänge_202602.csv\n`,
      );
      await formIn(tab).getByLabel("Fil").setInputFiles({ name, mimeType: "text/csv", buffer });
      await formIn(tab).getByRole("button", { name: "Importera" }).click();
      await rowIn(tab, name).waitFor({ timeout: 15_000 });
    };
    await importDelivery(page, "leverans-feb-a.csv", "10");
    await rowIn(page, "leverans-feb-a.csv").getByRole("button", { name: "Ångra" }).waitFor();
    // A colleague (here a second tab) imports a later delivery meanwhile; this page still offers undo.
    const colleague = await browser.newPage();
    await colleague.goto(page.url());
    await importDelivery(colleague, "leverans-feb-b.csv", "11");
    await rowIn(page, "leverans-feb-a.csv").getByRole("button", { name: "Ångra" }).click();
    // The refusal names the later file and what to do, not "Uppgiften finns redan".
    const history = page.locator("section", { has: page.locator("#history-title") });
    await expect
      .poll(() => history.getByRole("alert").textContent(), { timeout: 15_000 })
      .toBe("Ångra först den senare importen av leverans-feb-b.csv: den bygger på den här.");
    await expect(rowIn(page, "leverans-feb-a.csv").getAttribute("data-status")).resolves.toBe("completed");
    // In order, both undo; the pictures are as before.
    for (const name of ["leverans-feb-b.csv", "leverans-feb-a.csv"]) {
      await rowIn(colleague, name).getByRole("button", { name: "Ångra" }).click();
      await expect
        .poll(() => rowIn(colleague, name).getAttribute("data-status"), { timeout: 15_000 })
        .toBe("undone");
    }
    await colleague.close();
  });

  it("undoes the partner import from the history", async () => {
    const row = page.locator("[data-testid=import-history] tbody tr", { hasText: "bovardar.csv" });
    await row.getByRole("button", { name: "Ångra" }).click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=import-history] tbody tr[data-status=undone]") !== null,
    );
  });

  it("imports population by chosen columns, showing that the file was sent while it is written", async () => {
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Befolkning (CSV)" }) });
    // A future year: the current figures keep using their own year's population.
    const csv = "deso;år;folk\n2081C1090;2030;2000\n2081C1100;2030;1500\n";
    await form
      .getByLabel("Fil")
      .setInputFiles({ name: "befolkning.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await select("Områdeskod", form).selectOption("deso");
    await select("År", form).selectOption("år");
    await select("Invånare", form).selectOption("folk");
    // Hold the request briefly so the page is seen between "sent" and "written".
    await page.route("**/trpc/imports.population*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await form.getByRole("button", { name: "Importera" }).click();
    await expect(form.getByTestId("upload-status").textContent()).resolves.toMatch(
      /Skickar filen|Filen är skickad|Importerar/,
    );
    await form.getByRole("status").filter({ hasText: "2 rader inlästa" }).waitFor();
    await page.unroute("**/trpc/imports.population*");
  });

  it("previews a GeoJSON file's properties and refuses features without a code, changing nothing", async () => {
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Områden (GeoJSON)" }) });
    const square = (x: number) => ({
      type: "Polygon",
      coordinates: [
        [
          [x, 60],
          [x + 0.01, 60],
          [x + 0.01, 60.01],
          [x, 60.01],
          [x, 60],
        ],
      ],
    });
    const geojson = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { kod: "2081X0001", namn: "Prov 1" }, geometry: square(15.4) },
        { type: "Feature", properties: { namn: "Prov 2" }, geometry: square(15.5) },
      ],
    };
    await form.getByLabel("Fil").setInputFiles({
      name: "prov.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(geojson)),
    });
    await expect(form.getByTestId("areas-preview").textContent()).resolves.toContain("2 områden i filen");
    await select("Kod", form).selectOption("kod");
    await select("Namn", form).selectOption("namn");
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: "Importera" }).click();
    const alert = form.getByRole("alert");
    await expect(alert.textContent()).resolves.toContain("ingenting importerades");
    await expect(alert.locator("tbody tr").first().textContent()).resolves.toContain("koden saknas");
  });

  it("imports an address list in SWEREF 99 TM, lists each place with its area and removes one", async () => {
    const form = page.locator("form", { has: page.getByRole("heading", { name: /Adresser och platser/ }) });
    const [first, second] = BORLANGE_DESO;
    if (!first || !second) throw new Error("the demo has DeSO areas");
    // A kommun's address register in the national grid (N, E in metres), Excel's Swedish CSV.
    const grid = (lon: number, lat: number) =>
      proj4("WGS84", "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs", [lon, lat]) as [number, number];
    const line = (name: string, lon: number, lat: number) => {
      const [east, north] = grid(lon, lat);
      return `${name};${north.toFixed(1).replace(".", ",")};${east.toFixed(1).replace(".", ",")}`;
    };
    const csv = [
      "Adress;N;E",
      line("Provgatan 1", first.lon, first.lat),
      line("Provgatan 2", second.lon, second.lat),
    ];
    await form.getByLabel("Fil").setInputFiles({
      name: "adresser.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv.join("\r\n"), "utf8"),
    });
    await form.getByRole("button", { name: "Importera" }).click();
    await expect(form.getByRole("status").textContent()).resolves.toContain("2 platser: 2 nya");
    const panel = page.locator("section", { has: form });
    await panel.getByText(/Adresslistan \(\d+\)/).click();
    await panel.getByLabel("Sök i listan").fill("provgatan");
    const rows = panel.getByTestId("places-table").locator("tbody tr");
    await expect
      .poll(() => rows.allInnerTexts(), { timeout: 15_000 })
      .toEqual([expect.stringContaining("Provgatan 1"), expect.stringContaining("Provgatan 2")]);
    const row = rows.filter({ hasText: "Provgatan 1" });
    await expect(row.locator("td").nth(1).textContent()).resolves.toBe(first.name);
    await expectNoAxeViolations(page);
    await row.getByRole("button", { name: "Ta bort Provgatan 1" }).click();
    await row.waitFor({ state: "detached" });
    await expect(panel.getByTestId("places-table").textContent()).resolves.toContain("Provgatan 2");
  });
});
