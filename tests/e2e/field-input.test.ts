import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, formatIsoWeek, isoWeekOf, toLocalDate } from "../../shared/calendar.ts";
import {
  expectNoAxeViolations,
  fieldLabelled,
  fillDateTime,
  openAs,
  openBrowser,
  PHONE,
  selectLabelled,
  waitForMap,
} from "./browser.ts";

const baseUrl = inject("baseUrl");
const TODAY = toLocalDate(new Date());
const contexts: BrowserContext[] = [];
let phone: Page;
let analyst: Page;

// A real PNG (1×1 pixel), as a phone would send a photo.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function newPage(email: string | null, screen: Parameters<typeof openAs>[2] = PHONE) {
  if (email === null) {
    const context = await openBrowser(screen);
    contexts.push(context);
    return context.newPage();
  }
  const { context, page } = await openAs(baseUrl, email, screen);
  contexts.push(context);
  return page;
}

beforeAll(async () => {
  phone = await newPage("partner@borlange.example");
  analyst = await newPage("analytiker@borlange.example", { viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

const select = selectLabelled;
const field = fieldLabelled;

describe("field input on a phone", () => {
  it("plans a walk, records three findings (one with a photo), assigns one and closes it", async () => {
    await phone.goto(`${baseUrl}/w/est-borlange/vandringar`);
    await phone.getByRole("heading", { name: "Planera en vandring" }).waitFor();
    // Nothing is wider than the phone: no sideways scrolling of the page.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(phone);
    await select(phone, "Område").selectOption({ label: "Mjälga-Centrum" });
    // Today, so the findings (which count on the walk's date) sit in the week the overview shows below.
    await fillDateTime(phone, "När", `${TODAY}T08:00`);
    await field(phone, "Samlingsplats").fill("Stationsplanen");
    await field(phone, "Stopp längs vägen").fill("Gångtunneln\nLekparken");
    await field(phone, "Boende").fill("12");
    await field(phone, "Polis").fill("2");
    // The route, tapped point by point; the last tap is taken back.
    const routeMap = phone.getByTestId("route-map");
    await phone.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-testid=route-map]")?.dataset.ready === "true",
    );
    for (const [x, y] of [
      [150, 120],
      [190, 150],
      [230, 170],
      [260, 200],
    ] as const)
      await routeMap.click({ position: { x, y } });
    await expect
      .poll(() => phone.getByTestId("route-status").textContent())
      .toMatch(/^4 punkter, \d+,\d\d km\.$/);
    await phone.getByRole("button", { name: "Ta bort sista punkten" }).click();
    await expect.poll(() => phone.getByTestId("route-status").textContent()).toMatch(/^3 punkter/);
    await phone.getByRole("button", { name: "Skapa vandring" }).click();
    await phone.waitForURL(/\/vandringar\/[0-9a-f-]{36}$/);

    const picker = phone.getByTestId("place-picker");
    await phone.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-testid=place-picker]")?.dataset.ready === "true",
    );
    const rows = phone.locator("[data-testid=findings-table] tbody tr");
    for (const [index, description] of [
      "Trasig gatlykta",
      "Igenvuxen gångväg",
      "Klotter på tunneln",
    ].entries()) {
      // In the town, where the DeSO areas lie close together: every tap lands in one of them.
      await picker.click({ position: { x: 136 + index * 6, y: 182 } });
      await expect(phone.getByTestId("place-status").textContent()).resolves.toBe("Plats vald.");
      await select(phone, "Kategori").selectOption(["belysning", "vegetation", "klotter"][index] ?? "ovrigt");
      await field(phone, "Beskrivning").fill(description);
      if (index === 0)
        await field(phone, "Foto").setInputFiles([
          { name: "lykta.png", mimeType: "image/png", buffer: PNG },
          { name: "lykta-narbild.png", mimeType: "image/png", buffer: PNG },
        ]);
      await phone.getByRole("button", { name: "Spara fyndet" }).click();
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(index + 1);
    }
    await expectNoAxeViolations(phone);

    const row = phone.locator("[data-testid=findings-table] tbody tr[data-description='Igenvuxen gångväg']");
    await select(row, "Ny status").selectOption("tilldelad");
    await field(row, "Ansvarig").fill("Parkförvaltningen");
    await row.getByRole("button", { name: "Ändra" }).click();
    await phone.waitForSelector("tr[data-description='Igenvuxen gångväg'][data-status=tilldelad]");
    await select(row, "Ny status").selectOption("atgardad");
    await field(row, "Kommentar").fill("Buskarna klipptes");
    await row.getByRole("button", { name: "Ändra" }).click();
    await phone.waitForSelector("tr[data-description='Igenvuxen gångväg'][data-status=atgardad]");

    // Printed, the walk page leaves out the form's help texts and the status controls.
    const shownInPrint = (selector: string) =>
      phone
        .locator(selector)
        .evaluateAll((elements) => elements.filter((e) => getComputedStyle(e).display !== "none").length);
    await expect(shownInPrint(".form-hint, .status-control")).resolves.toBeGreaterThan(0);
    await phone.emulateMedia({ media: "print" });
    await expect(shownInPrint(".form-hint, .status-control")).resolves.toBe(0);
    await phone.emulateMedia({ media: "screen" });

    await phone.getByRole("link", { name: "Protokoll" }).click();
    const protocol = phone.getByTestId("walk-protocol");
    await protocol.waitFor();
    // Titled by area and day, as the printed protocol and the PDF's file name say it.
    const day = new Intl.DateTimeFormat("sv-SE", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${TODAY}T00:00:00Z`));
    await expect(protocol.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      `Trygghetsvandring Mjälga-Centrum, ${day}`,
    );
    await expect(phone.title()).resolves.toBe(`Trygghetsvandring Mjälga-Centrum, ${day}`);
    expect(await protocol.locator("ol.protocol-findings > li").count()).toBe(3);
    expect(await protocol.getByTestId("protocol-route").textContent()).toMatch(/^3 punkter, \d+,\d\d km\.$/);
    await expect(protocol.locator("li[data-status=atgardad]").textContent()).resolves.toContain(
      "Buskarna klipptes",
    );
    await protocol.locator("img.photo-thumb").first().waitFor();
    expect(await protocol.locator("img.photo-thumb").count()).toBe(2);
    await expectNoAxeViolations(phone);
  });

  it("lists every walk's findings, filtered by status and category in the URL", async () => {
    await analyst.goto(`${baseUrl}/w/est-borlange/fynd?status=ny,tilldelad,pagar`);
    const rows = analyst.locator("[data-testid=findings-table] tbody tr");
    const attributes = (name: string) =>
      rows.evaluateAll((trs, n) => trs.map((tr) => tr.getAttribute(n)), name);
    // Beside the demo's open findings: this walk's two open ones, and not its closed one.
    await expect
      .poll(() => attributes("data-description"), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(["Klotter på tunneln", "Trasig gatlykta"]));
    expect(await attributes("data-description")).not.toContain("Igenvuxen gångväg");
    expect(new Set(await attributes("data-status"))).toEqual(new Set(["ny", "tilldelad", "pagar"]));
    await expect(rows.first().getByRole("link", { name: "Visa vandringen" }).count()).resolves.toBe(1);
    const map = analyst.getByTestId("findings-map");
    await expect
      .poll(() => map.getAttribute("data-rendered-findings"), { timeout: 15_000 })
      .toBe(String(await rows.count()));
    expect(await analyst.getByTestId("findings-legend").textContent()).toContain("Åtgärdad: 0");
    await expectNoAxeViolations(analyst);
    await analyst.goto(`${baseUrl}/w/est-borlange/fynd?category=vegetation`);
    const pruned = rows.and(analyst.locator("[data-description='Igenvuxen gångväg']"));
    await expect.poll(() => pruned.count(), { timeout: 15_000 }).toBe(1);
    expect(await pruned.getAttribute("data-status")).toBe("atgardad");
    expect(await rows.count()).toBeGreaterThan(1);
  });

  it("takes a citizen's report without login, and the reporter follows it after moderation", async () => {
    const citizen = await newPage(null);
    await citizen.goto(`${baseUrl}/rapport/est-borlange`);
    await citizen.getByRole("heading", { name: /Tipsa EST Borlänge/ }).waitFor();
    await expectNoAxeViolations(citizen);
    // Without a pointer: the district list places the report.
    await select(citizen, "Eller välj område").selectOption("Mjälga-Centrum");
    await select(citizen, "Vad gäller det?").selectOption("belysning");
    await field(citizen, "Beskriv vad du har sett").fill("Mörkt vid busshållplatsen, lampan är trasig.");
    await citizen.getByRole("button", { name: "Skicka tipset" }).click();
    const link = await citizen.getByTestId("follow-link").getAttribute("href");
    expect(link).toMatch(/\/rapport\/status#[\w-]{30,}$/);

    await analyst.goto(`${baseUrl}/w/est-borlange/granskning`);
    const item = analyst.locator("[data-testid=review-item][data-kind=citizen]", {
      hasText: "busshållplatsen",
    });
    await item.waitFor();
    await expectNoAxeViolations(analyst);
    await item.getByRole("button", { name: "Godkänn", exact: true }).click();
    await item.waitFor({ state: "detached" });

    // The token travels in a POST body, never in a URL the server (or a proxy's log) sees.
    const token = (link ?? "").split("#")[1] ?? "";
    const apiUrls: string[] = [];
    citizen.on("request", (request) => {
      if (request.url().includes("/trpc/")) apiUrls.push(request.url());
    });
    await citizen.goto(link ?? "");
    const status = citizen.getByTestId("citizen-status");
    await status.waitFor();
    expect(await status.getAttribute("data-status")).toBe("approved");
    expect(apiUrls.some((apiUrl) => apiUrl.includes("citizenStatus"))).toBe(true);
    expect(apiUrls.filter((apiUrl) => apiUrl.includes(token))).toEqual([]);
    await expectNoAxeViolations(citizen);
  });

  it("files a partner's report (the old Fältrapport address leads to it) and an analyst rejects it with a reason", async () => {
    await phone.goto(`${baseUrl}/w/est-borlange/faltrapport`);
    await phone.waitForURL(/\/w\/est-borlange\/rapportera$/);
    // A bovärd picks the entrance from the workspace's address list instead of tapping the map.
    const address = field(phone, "Eller skriv en adress eller plats från listan");
    const place = (await phone.locator("datalist option").first().getAttribute("value")) ?? "";
    expect(place).toMatch(/, demo\)$/);
    await address.fill(place.slice(0, 6));
    await expect(phone.getByTestId("place-status").textContent()).resolves.toBe("Ingen plats vald ännu.");
    await address.fill(place);
    // Suggestions come from the server as the text settles; the exact name then chooses the place.
    await expect
      .poll(() => phone.getByTestId("place-status").textContent(), { timeout: 15_000 })
      .toBe(`Plats vald: ${place}.`);
    await select(phone, "Vad gäller det?").selectOption("samling");
    await field(phone, "Vad hände?").fill("Tio unga vid entrén till nummer 4.");
    await select(phone, "Skapar det otrygghet?").selectOption("yes");
    await expectNoAxeViolations(phone);
    await phone.getByRole("button", { name: "Skicka rapporten" }).click();
    await phone.getByRole("status").filter({ hasText: "väntar på granskning" }).waitFor();

    await analyst.goto(`${baseUrl}/w/est-borlange/granskning`);
    const item = analyst.locator("[data-testid=review-item][data-kind=partner]", { hasText: "nummer 4" });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain("Skapar otrygghet enligt rapportören: ja");
    // The place the bovärd chose from the address list, and whose report it is.
    await expect(item.getByTestId("review-place").textContent()).resolves.toContain(place);
    await expect(item.getByTestId("review-organization").textContent()).resolves.toContain("Tunabyggen");
    await field(item, "Motivering vid nej").fill("Redan känt via polisen");
    await item.getByRole("button", { name: "Godkänn inte" }).click();
    await item.waitFor({ state: "detached" });
  });

  it("schedules a dialogue and records the themes it raised", async () => {
    await phone.goto(`${baseUrl}/w/est-borlange/dialoger`);
    await phone.getByRole("heading", { name: "Planera en dialog" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await select(phone, "Form").selectOption("fokusgrupp");
    // Today, so the overview's current week holds the dialogue beside today's findings.
    await fillDateTime(phone, "När", `${TODAY}T09:00`);
    await select(phone, "Område").selectOption({ label: "Mjälga-Centrum" });
    await field(phone, "Samlingsplats").fill("Mjälga fritidsgård");
    await phone.getByRole("button", { name: "Lägg till i schemat" }).click();
    const row = phone.locator("[data-testid=dialogues-table] tbody tr[data-place='Mjälga fritidsgård']");
    await row.waitFor();
    await row.getByRole("button", { name: /Registrera resultat/ }).click();
    const results = phone.getByRole("form", { name: "Resultat från dialogen" });
    await field(results, "Deltagare").fill("14");
    await select(results, "Belysning").selectOption("3");
    await select(results, "Ungdomsgäng").selectOption("2");
    // Lighting was raised about the centre: the theme gets its own area.
    await results.getByRole("button", { name: /Områden för Belysning/ }).click();
    await results.getByRole("checkbox", { name: "Mjälga-Centrum (RegSO)" }).click();
    await expect
      .poll(() => results.getByRole("checkbox", { name: "Mjälga-Centrum (RegSO)" }).isChecked())
      .toBe(true);
    await phone.keyboard.press("Escape");
    await field(results, "Anteckningar").fill("Unga tjejer undviker gångtunneln efter mörkrets inbrott.");
    await expectNoAxeViolations(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await results.getByRole("button", { name: "Spara resultatet" }).click();
    await expect
      .poll(() => row.getByTestId("dialogue-themes").textContent(), { timeout: 15_000 })
      .toBe("Belysning (3), Ungdomsgäng (2)");
    await expect(row.textContent()).resolves.toContain("gångtunneln");
    // The theme chart: for the kommun it holds the demo's themes as well; for an area only its own.
    const chart = phone.getByTestId("theme-trend-chart");
    await expect
      .poll(async () => (await chart.getAttribute("data-themes"))?.split(","), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(["belysning", "ungdomsgang"]));
    await select(phone, "Visa teman för").selectOption({
      label: "Kupolen-Norra Backa-Hagalund-Ringen (RegSO)",
    });
    await phone.getByText("Inga teman registrerade för området").waitFor({ timeout: 15_000 });
    // Mjälga-Centrum, where the demo holds no dialogues: what rose this quarter is this one's.
    await select(phone, "Visa teman för").selectOption({ label: "Mjälga-Centrum (RegSO)" });
    await expect
      .poll(() => chart.getAttribute("data-themes"), { timeout: 15_000 })
      .toBe("belysning,ungdomsgang");
    expect(await chart.locator("figcaption").textContent()).toContain("Belysning (0 → 3)");
    await expectNoAxeViolations(phone);
  });

  it("shows the field input on the overview's map and table, filtered in the filter bar", async () => {
    const week = formatIsoWeek(isoWeekOf(TODAY));
    await analyst.goto(`${baseUrl}/w/est-borlange?period=week&from=${week}&field=findings,reports,themes`);
    await waitForMap(analyst);
    const map = analyst.getByTestId("district-map");
    const rendered = async (layer: string) =>
      Number(
        new RegExp(`field-${layer}:(\\d+)`).exec(
          (await map.getAttribute("data-field-features")) ?? "",
        )?.[1] ?? -1,
      );
    const legendCount = async (layer: string) =>
      Number(
        /: (\d+)/.exec(
          (await analyst.locator(`[data-testid=field-legend] [data-layer=${layer}]`).innerText()) ?? "",
        )?.[1],
      );
    const total = async (column: string) => Number(await analyst.getByTestId(`total-${column}`).innerText());
    await expect.poll(() => rendered("findings"), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await rendered("findings")).toBe(await legendCount("findings"));
    expect(await total("findings")).toBe(await legendCount("findings"));
    await expect.poll(() => rendered("reports"), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await total("reports")).toBe(await legendCount("reports"));
    await expect.poll(() => rendered("themes"), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await total("themes")).toBeGreaterThanOrEqual(2);
    const mjalga = analyst.locator("[data-testid=district-table] tbody tr[data-code='2081C1090']");
    expect(await mjalga.locator("td").last().innerText()).toBe("2");
    await expectNoAxeViolations(analyst);

    // The closed finding leaves when only open statuses are chosen; a theme filter narrows the themes.
    const allFindings = await total("findings");
    const statusFilter = analyst.locator(".filter-bar").getByRole("button", { name: /Fyndstatus/ });
    await statusFilter.click();
    // The boxes follow the URL, which updates a moment after the click.
    const tick = async (name: string) => {
      const box = analyst.getByRole("checkbox", { name, exact: true });
      await box.click();
      await expect.poll(() => box.isChecked(), { timeout: 15_000 }).toBe(true);
    };
    await tick("Ny");
    await tick("Tilldelad");
    await tick("Pågår");
    await analyst.keyboard.press("Escape");
    await expect.poll(() => total("findings"), { timeout: 15_000 }).toBe(allFindings - 1);
    await expect.poll(() => rendered("findings"), { timeout: 15_000 }).toBe(allFindings - 1);
    expect(analyst.url()).toContain("findingStatus=ny%2Ctilldelad%2Cpagar");
    await analyst
      .locator(".filter-bar")
      .getByRole("button", { name: /Dialogteman/ })
      .click();
    await tick("Belysning");
    await analyst.keyboard.press("Escape");
    await expect.poll(() => mjalga.locator("td").last().innerText(), { timeout: 15_000 }).toBe("1");

    // The meeting's backlog: findings open at the period's end; the closed one stays out even
    // without a status filter, and the column says what it counts.
    await select(analyst, "Vilka fynd").selectOption("open");
    await expect.poll(() => analyst.url(), { timeout: 15_000 }).toContain("findings=open");
    const backlogHeader = () => analyst.getByTestId("district-table").locator("thead").innerText();
    // Last week's backlog is the demo's findings still open, recorded before this week.
    const lastWeek = formatIsoWeek(isoWeekOf(addDays(TODAY, -7)));
    await analyst.goto(`${baseUrl}/w/est-borlange?period=week&from=${lastWeek}&findings=open`);
    await expect.poll(backlogHeader, { timeout: 15_000 }).toContain("Öppna fynd vid periodens slut");
    const earlierBacklog = await total("findings");
    expect(earlierBacklog).toBeGreaterThan(0);
    await analyst.goto(`${baseUrl}/w/est-borlange?period=week&from=${week}&findings=open`);
    await expect.poll(backlogHeader, { timeout: 15_000 }).toContain("Öppna fynd vid periodens slut");
    await expect.poll(() => total("findings"), { timeout: 15_000 }).toBe(earlierBacklog + allFindings - 1);
  });
});
