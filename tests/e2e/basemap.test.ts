import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openAs, waitForMap } from "./browser.ts";

// The global setup serves a small PMTiles archive of synthetic streets around Borlänge as the
// app's basemap; each map draws Protomaps' style over it, in the browser, from the app alone.

const baseUrl = inject("baseUrl");
const SHOTS = path.resolve(import.meta.dirname, "../../test-results");
let context: BrowserContext;
let page: Page;
const foreignRequests: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openAs(baseUrl, "analytiker@borlange.example"));
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
});

/** The street features the map's own queryRenderedFeatures found at its last idle. */
async function renderedStreets(testId: string): Promise<number> {
  const handle = page.getByTestId(testId);
  await expect
    .poll(async () => Number((await handle.getAttribute("data-basemap-streets")) ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(0);
  return Number(await handle.getAttribute("data-basemap-streets"));
}

async function attribution(testId: string): Promise<string> {
  return page.getByTestId(testId).locator(".maplibregl-ctrl-attrib-inner").innerText();
}

describe("the basemap served by the app", () => {
  it("serves the style and the archive by byte ranges", async () => {
    const style = await (await fetch(`${baseUrl}/basemap/style.json`)).json();
    expect(style.sources.protomaps.url).toBe("pmtiles:///basemap/basemap.pmtiles");
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((layer: { id: string }) => layer.id === "roads_major")).toBe(true);
    const header = await fetch(`${baseUrl}/basemap/basemap.pmtiles`, { headers: { Range: "bytes=0-126" } });
    expect(header.status).toBe(206);
    expect(header.headers.get("content-range")).toMatch(/^bytes 0-126\/\d+$/);
    expect(
      Buffer.from(await header.arrayBuffer())
        .subarray(0, 7)
        .toString("ascii"),
    ).toBe("PMTiles");
    const beyond = await fetch(`${baseUrl}/basemap/basemap.pmtiles`, {
      headers: { Range: "bytes=99999999-" },
    });
    expect(beyond.status).toBe(416);
  });

  it("draws streets under the districts on the overview, with OpenStreetMap's and SCB's attribution", async () => {
    await page.goto(`${baseUrl}/w/est-borlange`);
    await waitForMap(page);
    expect(await renderedStreets("district-map")).toBeGreaterThan(0);
    const credits = await attribution("district-map");
    expect(credits).toContain("OpenStreetMap");
    expect(credits).toContain("Källa: SCB, DeSO 2025, CC BY 4.0");
    await page.getByTestId("district-map").screenshot({ path: path.join(SHOTS, "basemap-overview.png") });
  });

  it("draws streets under the districts in the walk planner", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/vandringar`);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-testid=route-map]")?.dataset.ready === "true",
    );
    expect(await renderedStreets("route-map")).toBeGreaterThan(0);
    expect(await attribution("route-map")).toContain("Källa: SCB");
    await page.getByTestId("route-map").screenshot({ path: path.join(SHOTS, "basemap-walk-planner.png") });
    // Zoomed in from the keyboard (no tap, which would add a route point): the street grid itself.
    const zoom = async () => Number(await page.getByTestId("route-map").getAttribute("data-zoom"));
    const fitted = await zoom();
    await page.getByTestId("route-map").locator("canvas").focus();
    // Each key press eases the zoom in by one step; the next waits for it.
    for (let step = 0; step < 5; step++) {
      await page.keyboard.press("Equal");
      await page.waitForTimeout(500);
    }
    await expect.poll(zoom, { timeout: 30_000 }).toBeGreaterThanOrEqual(fitted + 3);
    // Then over to the town centre, north-east of the kommun's middle.
    for (const [key, presses] of [
      ["ArrowRight", 6],
      ["ArrowUp", 5],
    ] as const)
      for (let step = 0; step < presses; step++) {
        await page.keyboard.press(key);
        await page.waitForTimeout(300);
      }
    expect(await renderedStreets("route-map")).toBeGreaterThan(0);
    await page
      .getByTestId("route-map")
      .screenshot({ path: path.join(SHOTS, "basemap-walk-planner-streets.png") });
  });

  it("draws streets under the findings, and nothing was fetched from outside the app", async () => {
    await page.goto(`${baseUrl}/w/est-borlange/fynd`);
    await expect
      .poll(() => page.getByTestId("findings-map").getAttribute("data-rendered-findings"), {
        timeout: 30_000,
      })
      .not.toBeNull();
    expect(await renderedStreets("findings-map")).toBeGreaterThan(0);
    await page.getByTestId("findings-map").screenshot({ path: path.join(SHOTS, "basemap-findings.png") });
    expect(foreignRequests).toEqual([]);
  });
});
