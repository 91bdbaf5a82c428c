import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LagesbildContent } from "../../shared/lagesbild.ts";
import { expectNoAxeViolations, openAs, pdfText } from "./browser.ts";

// The lägesbild taken into the meeting: projected one agenda item at a time and stepped with the
// keyboard alone, printed without the app around it, and as the server's PDF. Its own lägesbild:
// v. 46–47 for two districts only. A period of its own would not keep it apart: an earlier
// meeting's insatser are carried into every later lägesbild of the workspace.
const baseUrl = inject("baseUrl");
const WORKSPACE = "est-borlange";
const DATE = "2026-11-10";
const PERIOD = "v. 46–47 2026";
const INSATS = "Kvällsvandring kring resecentrum";
const FOLLOW_UP = "Tre kvällsvandringar 1, 2 och 3 genomförda";
const AGENDA = [
  "Översikt",
  "Områden med förhöjd nivå",
  "Ökar nu",
  "Öppna insatser",
  "Nya fynd",
  "Beslut",
] as const;

let context: BrowserContext;
let page: Page;
let lagesbildId = "";
let insatsId = "";
let content: LagesbildContent;
let elevated = { name: "", level: "", justification: "Skadegörelse vid busshållplatserna" };
let lowest = { name: "", level: "" };
const pageErrors: string[] = [];

type Get = { id: string; content: LagesbildContent };

/** The API as the signed-in page calls it (its session cookie). */
async function trpc<T>(procedure: string, input: unknown, method: "GET" | "POST"): Promise<T> {
  const headers = { "x-est-workspace": WORKSPACE, "content-type": "application/json" };
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response =
    method === "GET"
      ? await page.request.get(`${baseUrl}/trpc/${procedure}${query}`, { headers })
      : await page.request.post(`${baseUrl}/trpc/${procedure}`, { headers, data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

const documentPath = () => `/w/${WORKSPACE}/lagesbild/${lagesbildId}`;
const agenda = () => page.getByRole("navigation", { name: "Dagordning" });
const itemHeading = () => page.locator(".agenda-item > h2");
const myInsats = () =>
  page.getByTestId("insats").filter({ has: page.getByRole("heading", { name: INSATS, exact: true }) });

/** After a key press: the item's heading, the one agenda entry marked current, and the announcement. */
async function expectItem(index: number) {
  const title = AGENDA[index] ?? "";
  await expect.poll(() => itemHeading().innerText(), { timeout: 10_000 }).toBe(title);
  const current = agenda().locator("[aria-current=step]");
  await expect(current.count()).resolves.toBe(1);
  await expect(current.innerText()).resolves.toBe(`${index + 1}. ${title}`);
  await expect(page.getByTestId("meeting-position").innerText()).resolves.toBe(`Punkt ${index + 1} av 6`);
  // The item is in the address, so a reload stays on it (the first without one).
  expect(new URL(page.url()).searchParams.get("punkt") ?? "1").toBe(String(index + 1));
}

async function press(key: string, index: number) {
  await page.keyboard.press(key);
  await expectItem(index);
  await expect
    .poll(() => page.getByTestId("agenda-announcement").innerText())
    .toBe(`Punkt ${index + 1} av 6: ${AGENDA[index]}`);
}

/** Presses Tab until `target` has focus: it can be reached with the keyboard alone. */
async function tabTo(target: Locator, limit = 250) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Not reached with ${limit} presses of Tab`);
}

beforeAll(async () => {
  const analyst = await openAs(baseUrl, "analytiker@borlange.example");
  context = analyst.context;
  page = analyst.page;
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  const geometries = await trpc<{ features: { properties: { areaId: string; code: string | null } }[] }>(
    "areas.districtGeometries",
    undefined,
    "GET",
  );
  const codes = geometries.features
    .flatMap((f) => (f.properties.code ? [f.properties.code] : []))
    .slice(0, 2);
  expect(codes).toHaveLength(2);
  ({ id: lagesbildId } = await trpc<{ id: string }>(
    "lagesbild.create",
    { kind: "biweek", date: DATE, areaCodes: codes },
    "POST",
  ));
  const created = await trpc<Get>("lagesbild.get", { id: lagesbildId }, "GET");
  const [first, second] = created.content.figures.districts;
  const [lowestLevel, raisedLevel] = created.content.levels;
  if (!first || !second || !lowestLevel || !raisedLevel) throw new Error("Two districts and levels expected");
  elevated = { ...elevated, name: first.name, level: raisedLevel.labelSv };
  lowest = { name: second.name, level: lowestLevel.labelSv };
  await trpc(
    "lagesbild.setAreaStatus",
    { id: lagesbildId, areaId: first.areaId, level: raisedLevel.key, justification: elevated.justification },
    "POST",
  );
  await trpc(
    "lagesbild.setAreaStatus",
    { id: lagesbildId, areaId: second.areaId, level: lowestLevel.key, justification: "Lugnt" },
    "POST",
  );
  const workspace = await trpc<{ organizations: { id: string; name: string }[] }>(
    "workspace.current",
    undefined,
    "GET",
  );
  const police = workspace.organizations.find((o) => o.name === "LPO Borlänge");
  ({ id: insatsId } = await trpc<{ id: string }>(
    "lagesbild.createInsats",
    {
      lagesbildId,
      title: INSATS,
      problem: "Skadegörelse kvällstid",
      areaIds: [first.areaId],
      organizationId: police?.id ?? null,
      startOn: "2026-11-16",
      endOn: "2026-11-27",
    },
    "POST",
  ));
  content = (await trpc<Get>("lagesbild.get", { id: lagesbildId }, "GET")).content;
});

afterAll(async () => {
  // Closed again, so the workspace's count of open insatser is as the other browser tests expect.
  if (insatsId)
    await trpc(
      "lagesbild.closeInsats",
      { insatsId, lagesbildId, followUp: { whatDone: "Avslutad efter testet", doneOn: "2026-11-20" } },
      "POST",
    ).catch(() => undefined);
  await context?.close();
});

describe("the lägesbild in the meeting", () => {
  it("steps through meeting mode with the keyboard alone and takes återkoppling in the decisions", async () => {
    await page.goto(`${baseUrl}${documentPath()}`);
    const actions = page.getByRole("navigation", { name: "Lägesbilden i mötet" });
    await actions.waitFor();
    await expect(actions.getByRole("link").allInnerTexts()).resolves.toEqual([
      "Mötesläge",
      "Skriv ut",
      "Ladda ned PDF",
    ]);
    await actions.getByRole("link", { name: "Mötesläge" }).click();
    await page.waitForURL(/\/mote(\?|$)/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toContain(PERIOD);
    // No app navigation on the projector: only the agenda.
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).count()).resolves.toBe(0);
    await expect(agenda().getByRole("button").allInnerTexts()).resolves.toEqual(
      AGENDA.map((title, index) => `${index + 1}. ${title}`),
    );
    await expectItem(0);
    const map = page.getByTestId("status-map");
    await expect
      .poll(() => map.getAttribute("data-rendered-districts"), { timeout: 30_000 })
      .toMatch(/^[1-9]\d*$/);
    await expect(map.getAttribute("data-coloured-districts")).resolves.toBe("2");
    const total = new Intl.NumberFormat("sv-SE").format(content.figures.total.count);
    await expect(page.getByTestId("meeting-totals").innerText()).resolves.toContain(total);
    await expectNoAxeViolations(page);

    await press("ArrowRight", 1);
    const elevatedList = page.getByTestId("meeting-elevated");
    await expect(elevatedList.innerText()).resolves.toContain(elevated.name);
    await expect(elevatedList.innerText()).resolves.toContain(elevated.justification);
    await expect(elevatedList.locator(".level-badge").allInnerTexts()).resolves.toEqual([elevated.level]);
    await expect(elevatedList.innerText()).resolves.not.toContain(lowest.name);

    await press("PageDown", 2);
    if (content.figures.rising.length === 0)
      await expect(page.getByText("Inga tydliga eller möjliga ökningar i perioden.").count()).resolves.toBe(
        1,
      );
    else {
      await expect(page.getByTestId("lagesbild-rising").locator("li").count()).resolves.toBe(
        content.figures.rising.length,
      );
      await expect(page.getByTestId("meeting-rising-chart").count()).resolves.toBe(1);
    }

    await press("ArrowRight", 3);
    // Decided at this meeting, so not among those carried from earlier ones.
    await expect(myInsats().count()).resolves.toBe(0);

    await press("PageDown", 4);
    const number = (n: number) => new Intl.NumberFormat("sv-SE").format(n);
    await expect(page.getByTestId("meeting-findings-summary").innerText()).resolves.toBe(
      `${number(content.figures.total.findings)} fynd från trygghetsvandringar i perioden; öppna vid periodens slut: ${number(content.figures.total.openFindings)}.`,
    );

    await press("ArrowRight", 5);
    await press("ArrowRight", 5);
    await press("Home", 0);
    await press("End", 5);
    await press("PageUp", 4);
    await press("ArrowLeft", 3);
    await press("2", 1);
    await press("6", 5);
    await expectNoAxeViolations(page);

    // Återkoppling on the insats, with the keyboard only; the digits typed stay in the field.
    const card = myInsats();
    await tabTo(card.getByText("Ge återkoppling", { exact: true }));
    await page.keyboard.press("Enter");
    await tabTo(card.getByLabel("Vad gjordes"));
    await page.keyboard.type(FOLLOW_UP);
    await expectItem(5);
    await tabTo(card.getByLabel("Vilken effekt sågs"));
    await page.keyboard.type("Ingen ny skadegörelse rapporterad");
    await tabTo(card.getByRole("button", { name: "Spara återkoppling" }));
    await page.keyboard.press("Enter");
    await card.getByTestId("follow-up").filter({ hasText: FOLLOW_UP }).waitFor({ timeout: 15_000 });
    await expect(card.getByTestId("follow-up").innerText()).resolves.toContain(
      "Ingen ny skadegörelse rapporterad",
    );

    await page.keyboard.press("Escape");
    await page.waitForURL(`${baseUrl}${documentPath()}`);
    await page.getByTestId("area-status-table").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("prints the whole document without navigation, with the map as a picture", async () => {
    await page.goto(`${baseUrl}${documentPath()}/utskrift`);
    const root = page.getByTestId("lagesbild-print");
    await page.locator("[data-print-ready=true]").waitFor({ timeout: 45_000 });
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(
      new RegExp(`^Lägesbild ${PERIOD} \\(9 nov\\. – 22 nov\\.\\)$`),
    );
    const text = await root.innerText();
    for (const expected of [
      "EST Borlänge",
      "Utkast",
      elevated.justification,
      INSATS,
      FOLLOW_UP,
      "Områdesstatus",
      "Siffror",
      "Bedömning",
      "Organisationernas bidrag",
      "Insatser",
    ])
      expect(text).toContain(expected);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).count()).resolves.toBe(0);
    // Read-only: no field, no select, no form of the document.
    await expect(root.locator("article").locator("input, select, textarea, form").count()).resolves.toBe(0);

    // The map is an image of what was drawn, not a canvas (which prints blank).
    await expect(root.locator("canvas").count()).resolves.toBe(0);
    const image = page.getByTestId("status-map-image");
    await expect(image.getAttribute("src")).resolves.toMatch(/^data:image\/png;base64,/);
    const pixels = await image.evaluate((element: HTMLImageElement) => {
      const canvas = document.createElement("canvas");
      canvas.width = element.naturalWidth;
      canvas.height = element.naturalHeight;
      const drawing = canvas.getContext("2d");
      if (!drawing) return { width: 0, opaque: 0, colours: 0 };
      drawing.drawImage(element, 0, 0);
      const data = drawing.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      let opaque = 0;
      let sampled = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        sampled++;
        if ((data[i + 3] ?? 0) > 0) opaque++;
        colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      }
      return { width: canvas.width, opaque: opaque / sampled, colours: colours.size };
    });
    expect(pixels.width).toBeGreaterThan(300);
    expect(pixels.opaque).toBeGreaterThan(0.99);
    // Background, district fills in their level colours, outlines.
    expect(pixels.colours).toBeGreaterThan(3);
    await expectNoAxeViolations(page);

    // As printed: no buttons or links to act on, the document's and each insats's headings kept.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("button:visible").count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: INSATS, exact: true }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(pageErrors).toEqual([]);
  });

  it("downloads the server's PDF of the print page, with the period, a status and the insats", async () => {
    const response = await page.request.get(`${baseUrl}/api${documentPath()}.pdf`, { timeout: 90_000 });
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "est-pdf-")), "lagesbild.pdf");
    fs.writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain(`Lägesbild ${PERIOD}`);
    // The level by name in the legend and in the district's row.
    expect(text.split(elevated.level).length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain(elevated.justification);
    expect(text).toContain(INSATS);
    expect(text).toContain(FOLLOW_UP);
    // The map went in as a picture.
    expect(
      execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").length,
    ).toBeGreaterThan(3);

    // The document page's link fetches the same PDF and hands it to the browser as a file.
    await page.goto(`${baseUrl}${documentPath()}`);
    const downloading = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("link", { name: "Ladda ned PDF" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`lagesbild-${WORKSPACE}-2026-11-09.pdf`);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
