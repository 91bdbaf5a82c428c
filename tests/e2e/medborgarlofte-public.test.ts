import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  expectNoAxeViolations,
  fieldLabelled,
  openAs,
  openBrowser,
  pdfText,
  selectLabelled,
} from "./browser.ts";

// Issue 12's "Done when": a promise modelled on Upplands-Bro's text and one on Arboga's 2024
// fokusområden entered in the browser, progress logged (one from a lägesbild insats) and
// corrected, the yearly report printed to PDF, and the public page showing both with the figures an
// admin chose, readable without JavaScript.
const baseUrl = inject("baseUrl");
const WORKSPACE = "est-borlange";
const YEAR = new Date().getFullYear();
const BRO = `Medborgarlöfte för Borlänge centrum ${YEAR} (efter Upplands-Bros modell)`;
const BRO_TEXT =
  "Kommunen och polisen lovar minst åtta planerade gemensamma insatser med synlig polis, volontärer och kommunens personal i centrum, trygghetsvärdar som stöttar unga och minst fyra narkotikainsatser tillsammans med socialtjänsten. Vi återkopplar på kommunens och polisens webbplatser.";
const BRO_ACTIVITY = "Minst åtta planerade gemensamma insatser i centrum";
const ARBOGA = `Medborgarlöfte med fokusområden ${YEAR} (efter Arbogas modell)`;
const FOCUS_AREAS = [
  "Aktiva medborgardialoger",
  "Bedrägeribrott mot äldre",
  "Trafiksäkerhet",
  "Ungdomar i riskzon",
  "Gemensamma lägesbilder",
];
const ARBOGA_ACTIVITY = "Informationsträffar om bedrägerier för äldre";
const INSATS = "Gemensam helginsats vid resecentrum";
const contexts: BrowserContext[] = [];
const promiseIds: string[] = [];
let insats = { id: "", lagesbildId: "" };

async function trpc<T>(page: Page, procedure: string, input: unknown, method: "GET" | "POST" = "POST") {
  const headers = { "x-est-workspace": WORKSPACE, "content-type": "application/json" };
  const response =
    method === "GET"
      ? await page.request.get(
          `${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
          {
            headers,
          },
        )
      : await page.request.post(`${baseUrl}/trpc/${procedure}`, { headers, data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

beforeAll(async () => {
  // The demo in the browser tests has no lägesbilder: one in March decides an insats to count.
  const { context, page } = await openAs(baseUrl, "analytiker@borlange.example");
  contexts.push(context);
  const { id: lagesbildId } = await trpc<{ id: string }>(page, "lagesbild.create", {
    kind: "biweek",
    date: `${YEAR}-03-09`,
    areaCodes: ["2081C1090", "2081C1140"],
  });
  const { id } = await trpc<{ id: string }>(page, "lagesbild.createInsats", {
    lagesbildId,
    title: INSATS,
    problem: "Oro kvällstid vid resecentrum",
    startOn: `${YEAR}-03-20`,
  });
  insats = { id, lagesbildId };
});

afterAll(async () => {
  // Off the public page again, with the public figures chosen before, for the other browser tests.
  const { context, page } = await openAs(baseUrl, "admin@borlange.example");
  contexts.push(context);
  for (const id of promiseIds) await trpc(page, "medborgarlofte.publish", { id, isPublished: false });
  await trpc(page, "medborgarlofte.setPublicSettings", {
    categoryCodes: [],
    areaCodes: [],
    showsFixedProblems: false,
  });
  if (insats.id)
    await trpc(page, "lagesbild.closeInsats", {
      insatsId: insats.id,
      lagesbildId: insats.lagesbildId,
      followUp: { whatDone: "Avslutad efter testet", doneOn: `${YEAR}-03-21` },
    });
  for (const c of contexts) await c.close();
});

async function signedIn(email: string) {
  const { context, page } = await openAs(baseUrl, email);
  contexts.push(context);
  return page;
}

async function tick(
  scope: Page | Locator,
  page: Page,
  label: string,
  names: string[],
  unticked: string[] = [],
) {
  const root = scope.locator(".multi-select", { has: page.locator(".field-label", { hasText: label }) });
  await root.locator("button[aria-expanded]").click();
  for (const name of names) await root.getByRole("checkbox", { name, exact: true }).check();
  for (const name of unticked) await root.getByRole("checkbox", { name, exact: true }).uncheck();
  await page.keyboard.press("Escape");
}

const formWith = (page: Page, heading: string) =>
  page.locator("form", { has: page.getByRole("heading", { name: heading, exact: true }) });
const activityCard = (page: Page, title: string) =>
  page.getByTestId("lofte-activity").filter({ has: page.getByRole("heading", { name: title }) });

async function createPromise(page: Page, title: string, text: string) {
  await page.goto(`${baseUrl}/w/${WORKSPACE}/medborgarloften`);
  const form = formWith(page, "Nytt medborgarlöfte");
  await fieldLabelled(form, "Rubrik").fill(title);
  await fieldLabelled(form, "Löftets text").fill(text);
  await tick(form, page, "Parter", ["Borlänge kommun", "LPO Borlänge"]);
  await fieldLabelled(form, "Undertecknat av").fill("Kommunstyrelsens ordförande\nLokalpolisområdeschef");
  await form.getByRole("button", { name: "Skapa medborgarlöfte" }).click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
  promiseIds.push(page.url().split("/").at(-1) ?? "");
}

async function addActivity(page: Page, title: string, count: string, focusArea?: string) {
  const form = formWith(page, "Ny aktivitet");
  await fieldLabelled(form, "Aktivitet").fill(title);
  if (focusArea) await selectLabelled(form, "Fokusområde (handlingsplan)").selectOption({ label: focusArea });
  await selectLabelled(form, "Slags mål").selectOption("count");
  await fieldLabelled(form, "Antal").fill(count);
  await form.getByLabel("Period från").fill(`${YEAR}0101`);
  await form.getByLabel("Period till").fill(`${YEAR}-12-31`);
  await tick(form, page, "Ansvariga", ["Borlänge kommun"]);
  await form.getByRole("button", { name: "Lägg till aktivitet" }).click();
  await activityCard(page, title).waitFor();
}

describe("Upplands-Bro's and Arboga's promises from the form to the public page", () => {
  it("enters Upplands-Bro's promise, logs progress by hand and from an insats, and corrects both", async () => {
    const page = await signedIn("analytiker@borlange.example");
    await createPromise(page, BRO, BRO_TEXT);
    await addActivity(page, BRO_ACTIVITY, "8");
    const card = activityCard(page, BRO_ACTIVITY);
    await card.getByText("Registrera genomförande").click();
    // Typed the Swedish way, whatever the browser's language (decisions/017).
    await card.getByLabel("Datum").fill(`${YEAR}-03-14`);
    await fieldLabelled(card, "Vad gjordes").fill("Gemensam kvällsinsats vid resecentrum");
    await fieldLabelled(card, "Deltagare").fill("3");
    await card.getByRole("button", { name: "Spara genomförande" }).click();
    await expect
      .poll(() => card.getByTestId("progress-text").innerText(), { timeout: 15_000 })
      .toMatch(/^1 av 8 genomförda\./);
    // An insats decided in a lägesbild counts as well.
    const link = card.getByLabel("Räkna en insats från lägesbilden");
    await link.selectOption({ label: `${INSATS} (${YEAR}-03-20)` });
    await card.getByRole("button", { name: "Räkna insatsen" }).click();
    await expect
      .poll(() => card.getByTestId("progress-text").innerText(), { timeout: 15_000 })
      .toMatch(/^2 av 8 genomförda\./);
    // The entry corrected: 12 took part, on the 15th.
    await card.getByText(/^Genomfört \(2\)/).click();
    await card.getByRole("button", { name: /^Ändra: / }).click();
    const edit = formWith(page, "Ändra genomförandet");
    await edit.getByLabel("Datum").fill(`${YEAR}-03-15`);
    await fieldLabelled(edit, "Deltagare").fill("12");
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect
      .poll(() => card.getByTestId("progress-entries").innerText(), { timeout: 15_000 })
      .toMatch(/15 mars.*\t12\t/);
    // The activity's target corrected from eight to ten.
    await card.getByText("Ändra aktiviteten").click();
    const activityEdit = formWith(page, "Ändra aktiviteten");
    await fieldLabelled(activityEdit, "Antal").fill("10");
    await activityEdit.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect
      .poll(() => card.getByTestId("progress-text").innerText(), { timeout: 15_000 })
      .toMatch(/^2 av 10 genomförda\./);
    await addActivity(page, "Minst fyra narkotikainsatser med socialtjänsten", "4");
    await expectNoAxeViolations(page);
  });

  it("enters Arboga's promise with its five fokusområden and their handlingsplan", async () => {
    const page = await signedIn("analytiker@borlange.example");
    await createPromise(
      page,
      ARBOGA,
      "Fem fokusområden för ett tryggare Borlänge, med en handlingsplan för vart och ett.",
    );
    for (const title of FOCUS_AREAS) {
      const form = formWith(page, "Nytt fokusområde");
      await fieldLabelled(form, "Fokusområde").fill(title);
      await form.getByRole("button", { name: "Lägg till fokusområde" }).click();
      await page.getByRole("heading", { name: `Fokusområde: ${title}` }).waitFor();
    }
    await addActivity(page, ARBOGA_ACTIVITY, "4", "Bedrägeribrott mot äldre");
    await addActivity(page, "Hastighetskontroller vid skolorna", "6", "Trafiksäkerhet");
    const fraud = page.locator("section.lofte-focus-area", {
      has: page.getByRole("heading", { name: "Fokusområde: Bedrägeribrott mot äldre" }),
    });
    await fraud.getByRole("heading", { name: ARBOGA_ACTIVITY }).waitFor();
    await expectNoAxeViolations(page);
  });

  it("prints the yearly report to a PDF through the lägesbild's route", async () => {
    const page = await signedIn("lasare@borlange.example");
    await page.goto(`${baseUrl}/w/${WORKSPACE}/medborgarloften/${promiseIds[0]}/utskrift?ar=${YEAR}`);
    await page.locator("[data-print-ready=true]").waitFor();
    await page.getByRole("heading", { name: `Årsrapport ${YEAR}: ${BRO}` }).waitFor();
    await expectNoAxeViolations(page);
    const response = await page.request.get(
      `${baseUrl}/api/w/${WORKSPACE}/medborgarlofte/${promiseIds[0]}.pdf?ar=${YEAR}`,
      { timeout: 90_000 },
    );
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain(`medborgarlofte-${WORKSPACE}-${YEAR}.pdf`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "est-pdf-")), "lofte.pdf");
    fs.writeFileSync(file, await response.body());
    const text = pdfText(file);
    expect(text).toContain(`Årsrapport ${YEAR}`);
    expect(text).toContain(BRO_ACTIVITY);
    expect(text).toContain("2 av 10 genomförda");
    expect(text).toContain("Gemensam kvällsinsats vid resecentrum");
    expect(text).toContain("Kommunstyrelsens ordförande");
    const outsideYears = await page.request.get(
      `${baseUrl}/api/w/${WORKSPACE}/medborgarlofte/${promiseIds[0]}.pdf?ar=${YEAR - 5}`,
    );
    expect(outsideYears.status()).toBe(400);
  });

  it("is published with the figures an admin chose, and the public page shows them", async () => {
    const page = await signedIn("admin@borlange.example");
    for (const id of promiseIds) {
      await page.goto(`${baseUrl}/w/${WORKSPACE}/medborgarloften/${id}`);
      await page.getByRole("button", { name: "Publicera på den offentliga sidan" }).click();
      await page.getByRole("button", { name: "Ta bort från den offentliga sidan" }).waitFor();
    }
    await page.goto(`${baseUrl}/w/${WORKSPACE}/medborgarloften`);
    const settings = formWith(page, "Siffror på den offentliga sidan");
    // A group and a category in it would make a total: refused, saying which lies within which.
    await tick(settings, page, "Brottstyper", ["Bedrägeribrott m.m.", "Övrigt bedrägeri"]);
    await settings.getByRole("button", { name: "Spara" }).click();
    await expect(settings.getByRole("alert").innerText()).resolves.toMatch(
      /ligger inom G-BEDRAGERI: välj den ena/,
    );
    await tick(settings, page, "Brottstyper", [], ["Bedrägeribrott m.m."]);
    await tick(settings, page, "Områden", ["Tjärna Ängar"]);
    await settings.getByLabel("Visa hur många rapporterade problem som är åtgärdade").check();
    await settings.getByRole("button", { name: "Spara" }).click();
    await settings.getByText("Sparat.").waitFor();
    await expectNoAxeViolations(page);

    const context = await openBrowser();
    contexts.push(context);
    const reader = await context.newPage();
    await reader.goto(`${baseUrl}/lofte/${WORKSPACE}`);
    await reader.getByRole("heading", { name: BRO }).waitFor();
    await reader.getByRole("heading", { name: ARBOGA }).waitFor();
    for (const title of FOCUS_AREAS)
      await reader.getByRole("heading", { name: `Fokusområde: ${title}` }).waitFor();
    await expect(
      activityCard(reader, BRO_ACTIVITY).getByTestId("progress-text").innerText(),
    ).resolves.toMatch(/^2 av 10 genomförda\./);
    await expect(reader.getByTestId("lofte-fixed").innerText()).resolves.toMatch(
      /rapporterade problem är åtgärdade\.$/,
    );
    const trends = await reader.getByTestId("lofte-trends").innerText();
    expect(trends).toContain("Tjärna Ängar");
    // Every cell is a number of 5 or more, "färre än 5" or withheld: never 1–4 on its own.
    expect(trends).not.toMatch(/(^|\t)[0-4](\t|\n|$)/m);
    const deeds = await reader.getByTestId("lofte-done").innerText();
    expect(deeds).toContain(BRO_ACTIVITY);
    expect(deeds).not.toContain("resecentrum");
    await expectNoAxeViolations(reader);

    // Without JavaScript the server's HTML carries the same text.
    const plain = await openBrowser();
    contexts.push(plain);
    const bare = await plain.newPage();
    await bare.route("**/*.js", (route) => route.abort());
    await bare.goto(`${baseUrl}/lofte/${WORKSPACE}`);
    const text = await bare.locator("main").innerText();
    expect(text).toContain(BRO);
    expect(text).toContain(`Fokusområde: ${FOCUS_AREAS[1]}`);
    expect(text).toContain("2 av 10 genomförda");
    expect(text).toContain("rapporterade problem");
    expect(text).toContain("Anmälda brott i utvalda områden");
    expect(text).not.toContain("resecentrum");
    await expectNoAxeViolations(reader);
  });
});
