import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LagesbildContent } from "../../shared/lagesbild.ts";
import { expectNoAxeViolations, openAs, pdfText, selectLabelled } from "./browser.ts";

// The quarter's analysis, the åtgärdsplan and an insats's effect, from three published meetings of
// its own in Q3 2026 (v. 32–33, 34–35, 36–37), which no other browser test uses. One insats, started
// on 1 June so its effect can be judged, is decided at the first meeting and closed at the last.
const baseUrl = inject("baseUrl");
const WORKSPACE = "est-borlange";
const DATES = ["2026-08-03", "2026-08-17", "2026-08-31"] as const;
const WEEKS = ["v. 32–33", "v. 34–35", "v. 36–37"];
const INSATS = "Trygghetsvärdar vid Stationstorget";
const PROBLEM = "Skadegörelse och oro kvällstid vid Stationstorget";
const FOLLOW_UP = "Trygghetsvärdar fredag och lördag kväll hela sommaren";
const EFFECT_NOTE = "Färre anmälningar om skadegörelse";

let context: BrowserContext;
let page: Page;
let lagesbildIds: string[] = [];
let insatsId = "";
let own = { name: "", code: "" };
let other = { name: "", code: "" };
let levels: LagesbildContent["levels"] = [];
const pageErrors: string[] = [];

type Get = { id: string; content: LagesbildContent };
type EffectAnswer = {
  windows: { days: number } | null;
  effect: {
    ratio: number | null;
    counts: { before: number; after: number; comparisonBefore?: number; comparisonAfter?: number };
  } | null;
  textSv: string | null;
};

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

const label = (index: number) => levels[index]?.labelSv ?? "";
const number = (value: number) => new Intl.NumberFormat("sv-SE").format(value);
const stripRow = (name: string) =>
  page
    .getByTestId("level-strips")
    .locator("tbody tr")
    .filter({ has: page.locator(`th:text-is("${name}")`) });

/** Drafts a whole-workspace lägesbild for the period, sets the given levels, runs `then`, publishes. */
async function meeting(date: string, set: [string, number][], then?: (id: string) => Promise<void>) {
  const { id } = await trpc<{ id: string }>("lagesbild.create", { kind: "biweek", date }, "POST");
  const { content } = await trpc<Get>("lagesbild.get", { id }, "GET");
  for (const [areaName, level] of set) {
    const district = content.figures.districts.find((d) => d.name === areaName);
    await trpc(
      "lagesbild.setAreaStatus",
      { id, areaId: district?.areaId, level: levels[level]?.key, justification: "" },
      "POST",
    );
  }
  await then?.(id);
  await trpc("lagesbild.publish", { id }, "POST");
  return id;
}

beforeAll(async () => {
  const analyst = await openAs(baseUrl, "analytiker@borlange.example");
  context = analyst.context;
  page = analyst.page;
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  const { id: firstId } = await trpc<{ id: string }>(
    "lagesbild.create",
    { kind: "biweek", date: DATES[0] },
    "POST",
  );
  const first = await trpc<Get>("lagesbild.get", { id: firstId }, "GET");
  levels = first.content.levels;
  expect(levels.length).toBeGreaterThanOrEqual(3);
  // The busiest districts, so the effect has incidents enough to be judged.
  const [busiest, next] = [...first.content.figures.districts].sort((a, b) => b.count - a.count);
  if (!busiest?.code || !next?.code) throw new Error("The demo's districts have codes");
  own = { name: busiest.name, code: busiest.code };
  other = { name: next.name, code: next.code };
  const workspace = await trpc<{ organizations: { id: string; name: string }[] }>(
    "workspace.current",
    undefined,
    "GET",
  );
  const police = workspace.organizations.find((o) => o.name === "LPO Borlänge");
  lagesbildIds = [
    await meeting(
      DATES[0],
      [
        [own.name, 1],
        [other.name, 0],
      ],
      async (id) => {
        ({ id: insatsId } = await trpc<{ id: string }>(
          "lagesbild.createInsats",
          {
            lagesbildId: id,
            title: INSATS,
            problem: PROBLEM,
            areaIds: [busiest.areaId],
            organizationId: police?.id ?? null,
            contactName: "Kommunpolisen",
            startOn: "2026-06-01",
            endOn: "2026-08-28",
            recurrence: "fredagar och lördagar",
            resources: "fyra trygghetsvärdar",
          },
          "POST",
        ));
      },
    ),
    await meeting(DATES[1], [
      [own.name, 2],
      [other.name, 0],
    ]),
    // The last meeting leaves the second district without a status.
    await meeting(DATES[2], [[own.name, 1]], async (id) => {
      await trpc(
        "lagesbild.closeInsats",
        {
          insatsId,
          lagesbildId: id,
          followUp: { whatDone: FOLLOW_UP, doneOn: "2026-08-28", effect: EFFECT_NOTE },
        },
        "POST",
      );
    }),
  ];
  expect(lagesbildIds[0]).toBe(firstId);
});

afterAll(async () => {
  await context?.close();
});

describe("the lägesbild over time", () => {
  it("shows each district's levels by name across the quarter's meetings, with a legend", async () => {
    await page.goto(`${baseUrl}/w/${WORKSPACE}/lagesbild`);
    await page.getByRole("link", { name: "Analys över tid" }).click();
    await page.waitForURL(/\/lagesbild\/analys/);
    // Today (the machine's date) decides the first quarter shown; step to Q3 2026 from there.
    const range = page.getByTestId("over-time-range");
    await page.goto(`${baseUrl}/w/${WORKSPACE}/lagesbild/analys?date=2026-10-15`);
    await expect.poll(() => range.innerText()).toBe("kv. 4 2026 (1 okt. – 31 dec.)");
    await page.getByRole("button", { name: "Föregående period" }).click();
    await expect.poll(() => range.innerText()).toBe("kv. 3 2026 (1 juli – 30 sep.)");
    expect(new URL(page.url()).searchParams.get("date")).toBe("2026-07-01");
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(
      "Analys över tid: kv. 3 2026 (1 juli – 30 sep.)",
    );

    const strips = page.getByTestId("level-strips");
    await strips.waitFor({ timeout: 30_000 });
    await expect(strips.locator("thead th a").allInnerTexts()).resolves.toEqual(WEEKS);
    await expect(strips.locator("caption").innerText()).resolves.toContain("3 publicerade lägesbilderna");
    const cells = (name: string) => stripRow(name).locator("td");
    await expect(cells(own.name).allInnerTexts()).resolves.toEqual([label(1), label(2), label(1)]);
    await expect(cells(other.name).allTextContents()).resolves.toEqual([label(0), label(0), "–Ingen status"]);
    // Each cell in its level's own colour, and its name on it.
    const background = (cell: Locator) =>
      cell.evaluate((element) => getComputedStyle(element).backgroundColor);
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)).join(", ")})`;
    await expect(background(cells(own.name).nth(1))).resolves.toBe(rgb(levels[2]?.color ?? ""));
    await expect(background(cells(other.name).nth(0))).resolves.toBe(rgb(levels[0]?.color ?? ""));
    const legend = await page.getByTestId("status-legend").innerText();
    for (const level of [label(0), label(1), label(2), "Ingen status"]) expect(legend).toContain(level);
    // Only lägesbilder of the whole workspace count: every district is a row.
    const over = await trpc<{ strips: unknown[]; repeatedlyFlagged: unknown[] }>(
      "lagesbild.overTime",
      { kind: "quarter", date: "2026-07-01" },
      "GET",
    );
    await expect(strips.locator("tbody tr").count()).resolves.toBe(over.strips.length);
    if (over.repeatedlyFlagged.length === 0)
      await page.getByText("Ingen kategori flaggades som ökande i mer än en lägesbild.").waitFor();
    else
      await expect(page.getByTestId("repeatedly-flagged").locator("tbody tr").count()).resolves.toBe(
        over.repeatedlyFlagged.length,
      );

    const insats = page
      .getByTestId("over-time-insatser")
      .getByTestId("action-plan-row")
      .filter({ hasText: INSATS });
    await expect(insats.innerText()).resolves.toContain("Avslutad");
    await expect(insats.getByTestId("action-plan-follow-up").innerText()).resolves.toContain(FOLLOW_UP);
    await expectNoAxeViolations(page);

    // The year holds the same three meetings among any others.
    await selectLabelled(page, "Kvartal eller år").selectOption({ label: "År" });
    await expect.poll(() => range.innerText()).toBe("2026 (1 jan. – 31 dec.)");
    await expect
      .poll(() => strips.locator("thead th a").allInnerTexts())
      .toEqual(expect.arrayContaining(WEEKS));
  });

  it("lists the insats under its problem in the åtgärdsplan, downloads it as Excel and prints it", async () => {
    await page.getByRole("link", { name: "Åtgärdsplan" }).first().click();
    await page.waitForURL(/\/lagesbild\/atgardsplan$/);
    const plan = page.getByTestId("action-plan");
    await plan.waitFor({ timeout: 30_000 });
    const group = plan.getByTestId("action-plan-problem").filter({ hasText: `Problem: ${PROBLEM}` });
    await expect(group.locator("th[scope=rowgroup]").innerText()).resolves.toBe(`Problem: ${PROBLEM}`);
    const row = group.getByTestId("action-plan-row");
    await expect(row.count()).resolves.toBe(1);
    const cells = await row.locator("th, td").allInnerTexts();
    expect(cells.slice(0, 7)).toEqual([
      INSATS,
      own.name,
      "LPO Borlänge, Kommunpolisen",
      "1 juni 2026",
      "28 aug. 2026",
      "fredagar och lördagar; fyra trygghetsvärdar",
      "Avslutad",
    ]);
    expect(cells[7]).toBe(`28 aug. 2026: ${FOLLOW_UP} (effekt: ${EFFECT_NOTE})`);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`atgardsplan-${WORKSPACE}.xlsx`);
    const bytes = fs.readFileSync(await download.path());
    // An XLSX file is a zip archive.
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.length).toBeGreaterThan(1000);

    // The same plan as a PDF printed by the server's browser.
    const pdf = await page.request.get(`${baseUrl}/api/w/${WORKSPACE}/atgardsplan.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const pdfFile = path.join(os.tmpdir(), `atgardsplan-${process.pid}.pdf`);
    fs.writeFileSync(pdfFile, await pdf.body());
    const printed = pdfText(pdfFile);
    fs.rmSync(pdfFile, { force: true });
    expect(printed).toContain("Åtgärdsplan");
    expect(printed).toContain(INSATS);
    expect(printed).toContain(PROBLEM);

    // As printed: no buttons or app navigation, the heading and the plan's rows kept.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("button:visible").count()).resolves.toBe(0);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(row.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("shows the insats's effect on its card: the server's sentence, counts and chart", async () => {
    await page.goto(`${baseUrl}/w/${WORKSPACE}/lagesbild/${lagesbildIds[2]}`);
    const card = page
      .getByTestId("insats")
      .filter({ has: page.getByRole("heading", { name: INSATS, exact: true }) });
    await card.waitFor({ timeout: 30_000 });
    const disclosure = card.getByTestId("insats-effect");
    // Closed, it asks the server for nothing and has no fields.
    await expect(disclosure.locator("select").count()).resolves.toBe(0);
    // Opened from the keyboard.
    await disclosure.locator("summary", { hasText: "Effekt i händelsedata" }).focus();
    await page.keyboard.press("Enter");
    const text = disclosure.getByTestId("effect-text");

    const beforeAfter = await trpc<EffectAnswer>("lagesbild.effect", { insatsId }, "GET");
    expect(beforeAfter.windows?.days).toBe(89);
    await expect.poll(() => text.textContent(), { timeout: 30_000 }).toBe(beforeAfter.textSv);
    expect(beforeAfter.textSv).toMatch(/jämfört med före insatsen|för få händelser/);

    const options = await disclosure.getByLabel("Jämförelseområde").locator("option").allInnerTexts();
    expect(options).toContain(other.name);
    expect(options).not.toContain(own.name);
    await disclosure.getByLabel("Jämförelseområde").selectOption({ label: other.name });
    const compared = await trpc<EffectAnswer>(
      "lagesbild.effect",
      { insatsId, comparisonAreaCodes: [other.code] },
      "GET",
    );
    expect(compared.textSv).toMatch(/jämförelseområdet|för få händelser/);
    await expect.poll(() => text.textContent(), { timeout: 30_000 }).toBe(compared.textSv);
    const counts = compared.effect?.counts;
    await expect(
      disclosure
        .locator(".effect-counts tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent)),
        ),
    ).resolves.toEqual([
      [number(counts?.before ?? -1), number(counts?.after ?? -1)],
      [number(counts?.comparisonBefore ?? -1), number(counts?.comparisonAfter ?? -1)],
    ]);
    await expect(disclosure.getByText("89 dagar i vardera").count()).resolves.toBe(1);
    await expect(disclosure.getByTestId("effect-chart").count()).resolves.toBe(
      compared.effect?.ratio === null ? 0 : 1,
    );
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
