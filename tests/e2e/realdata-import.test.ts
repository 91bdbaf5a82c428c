import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeRealData, readCsv, SHARED_DATA } from "../support/shared-data.ts";
import { login, openBrowser, selectLabelled } from "./browser.ts";

// Real public data through the import page, into an empty workspace, as an analyst would do it.
const baseUrl = inject("baseUrl");
const DALARNA = path.join(SHARED_DATA, "dalarna");
let browser: BrowserContext;
let page: Page;

const formTitled = (title: string) =>
  page.locator("form", { has: page.getByRole("heading", { name: title }) });
const select = selectLabelled;
const upload = (form: Locator, file: string, mimeType: string) =>
  form
    .getByLabel("Fil")
    .setInputFiles({ name: path.basename(file), mimeType, buffer: fs.readFileSync(file) });
const done = (form: Locator, text: string | RegExp) =>
  form.getByRole("status").filter({ hasText: text }).waitFor({ timeout: 120_000 });

/** Borlänge's crimes registered in 2023, summed straight from the raw file. */
function rawBorlange2023() {
  return readCsv<{ Kommunkod: string; Inskrivningsdatum: string; antal_brott: string }>(
    "dalarna/brott_polisen_dalarna_2023.csv",
  )
    .filter((row) => row.Kommunkod === "2081" && row.Inskrivningsdatum.startsWith("2023-"))
    .reduce((sum, row) => sum + Number(row.antal_brott), 0);
}

async function borlange2023OnScreen() {
  await page.goto(`${baseUrl}/w/dalarna-test?period=year&from=2023-W20&areas=2081`);
  const total = page.getByTestId("total-count");
  await total.waitFor();
  return Number((await total.textContent())?.replace(/\D/g, ""));
}

// Named and left out (not failed) when ../shared/data is absent, as the other real-data suites are.
describeRealData("Dalarna's real data through the import page", () => {
  beforeAll(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
    await login(page, baseUrl, "analytiker@borlange.example");
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("imports areas, population, the code key, both police files and the events, with figures matching the raw file", async () => {
    await page.goto(`${baseUrl}/w/dalarna-test/import`);
    const areas = formTitled("Områden (GeoJSON)");
    await upload(areas, path.join(DALARNA, "deso_dalarna.geojson"), "application/geo+json");
    await select(areas, "Kod").selectOption("desokod");
    await select(areas, "Kommunkod").selectOption("Kommunkod");
    await select(areas, "Kommunnamn").selectOption("Kommunnamn");
    await areas.getByRole("button", { name: "Importera" }).click();
    await done(areas, /områden inlästa/);

    const population = formTitled("Befolkning (CSV)");
    await upload(population, path.join(DALARNA, "bef_deso_dalarna.csv"), "text/csv");
    await select(population, "Områdeskod").selectOption("desokod");
    await select(population, "År").selectOption("år");
    await select(population, "Invånare").selectOption("bef");
    await population.getByRole("button", { name: "Importera" }).click();
    await done(population, /rader inlästa/);

    const codes = formTitled("Brottskodsnyckel (CSV)");
    await upload(codes, path.join(DALARNA, "brott_niva_nyckel.csv"), "text/csv");
    await codes.getByRole("button", { name: "Importera" }).click();
    await done(codes, "Importen är klar.");

    const deliveries = formTitled("Polisens leveranser (CSV)");
    for (const year of [2022, 2023]) {
      await upload(deliveries, path.join(DALARNA, `brott_polisen_dalarna_${year}.csv`), "text/csv");
      await deliveries.getByRole("button", { name: "Importera" }).click();
      await done(deliveries, "Importen är klar.");
    }
    const events = formTitled("Polisens händelser (JSON från det öppna API:t)");
    await upload(
      events,
      path.join(SHARED_DATA, "polisen", "events-all-sweden-2025-10.json"),
      "application/json",
    );
    await events.getByRole("button", { name: "Importera" }).click();
    await done(events, "Importen är klar.");

    const expected = rawBorlange2023();
    expect(expected).toBeGreaterThan(5000);
    expect(await borlange2023OnScreen()).toBe(expected);

    // The same file again changes no figure.
    await page.goto(`${baseUrl}/w/dalarna-test/import`);
    await upload(deliveries, path.join(DALARNA, "brott_polisen_dalarna_2023.csv"), "text/csv");
    await deliveries.getByRole("button", { name: "Importera" }).click();
    await done(deliveries, "Importen är klar.");
    expect(await borlange2023OnScreen()).toBe(expected);
  }, 300_000);
});
