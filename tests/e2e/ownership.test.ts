import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { toLocalDate } from "../../shared/calendar.ts";
import { expectNoAxeViolations, fieldLabelled, fillDateTime, openAs, selectLabelled } from "./browser.ts";

// Records belong to organisations (docs/decisions/011): what each one sees of the others' findings
// and dialogues. Everything is recorded today, open, and outside Mjälga-Centrum and Kupolen, so the
// other browser tests' exact counts there stay true whichever file runs first.
const baseUrl = inject("baseUrl");
const TODAY = toLocalDate(new Date());
const AREA = "Tjärna Ängar";
const RESTRICTED = "Beskrivningen visas bara för analytiker och den egna organisationen";
const contexts: BrowserContext[] = [];
/** Maria Bovärd, a member for Tunabyggen; Per, an analyst of LPO Borlänge; Lars, a viewer. */
let partner: Page;
let analyst: Page;
let viewer: Page;
let walkUrl = "";

async function pageFor(email: string) {
  const { context, page } = await openAs(baseUrl, email);
  contexts.push(context);
  return page;
}

beforeAll(async () => {
  partner = await pageFor("partner@borlange.example");
  analyst = await pageFor("analytiker@borlange.example");
  viewer = await pageFor("lasare@borlange.example");
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

const rowsOf = (page: Page) => page.locator("[data-testid=findings-table] tbody tr");
const rowOf = (page: Page, description: string) =>
  page.locator(`[data-testid=findings-table] tbody tr[data-description='${description}']`);
const describedRows = (page: Page) =>
  rowsOf(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-description") ?? "").sort());

/** Records a finding on the open walk page, at a point of its map. */
async function recordFinding(
  page: Page,
  finding: { category: string; description: string; owner?: string; x: number },
) {
  const before = await rowsOf(page).count();
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>("[data-testid=place-picker]")?.dataset.ready === "true",
  );
  await page.getByTestId("place-picker").click({ position: { x: finding.x, y: 160 } });
  await expect(page.getByTestId("place-status").textContent()).resolves.toBe("Plats vald.");
  await selectLabelled(page, "Kategori").selectOption(finding.category);
  await fieldLabelled(page, "Beskrivning").fill(finding.description);
  if (finding.owner) await selectLabelled(page, "Ansvarig").selectOption({ label: finding.owner });
  await page.getByRole("button", { name: "Spara fyndet" }).click();
  await expect.poll(() => rowsOf(page).count(), { timeout: 15_000 }).toBe(before + 1);
}

/** A tRPC call as the page's user, for what the interface offers no control for. */
async function call(page: Page, procedure: string, input?: unknown, method: "GET" | "POST" = "GET") {
  const headers = { "x-est-workspace": "est-borlange" };
  const url = `${baseUrl}/trpc/${procedure}`;
  const response =
    method === "GET"
      ? await page.request.get(
          input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`,
          {
            headers,
          },
        )
      : await page.request.post(url, { headers, data: input });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

describe("records that belong to another organisation", () => {
  it("shows a member the status control only on findings its own organisation answers for", async () => {
    await partner.goto(`${baseUrl}/w/est-borlange/vandringar`);
    await partner.getByRole("heading", { name: "Planera en vandring" }).waitFor();
    await selectLabelled(partner, "Område").selectOption({ label: AREA });
    await fillDateTime(partner, "När", `${TODAY}T18:00`);
    await fieldLabelled(partner, "Samlingsplats").fill("Tunabyggens gård i Tjärna Ängar");
    await partner.getByRole("button", { name: "Skapa vandring" }).click();
    await partner.waitForURL(/\/vandringar\/[0-9a-f-]{36}$/);
    walkUrl = partner.url();
    await recordFinding(partner, { category: "skadegorelse", description: "Trasig entrédörr", x: 120 });
    // Handed to the kommun when recorded: Tunabyggen still reads it, the kommun now answers for it.
    await recordFinding(partner, {
      category: "trafik",
      description: "Skymd sikt vid övergångsstället",
      owner: "Borlänge kommun",
      x: 180,
    });
    await analyst.goto(walkUrl);
    await rowOf(analyst, "Trasig entrédörr").waitFor();
    await recordFinding(analyst, {
      category: "belysning",
      description: "Mörk passage bakom garagen",
      x: 240,
    });
    // The analyst acts across the workspace: every open finding has its control.
    expect(await analyst.locator("form.status-control").count()).toBe(3);

    await partner.reload();
    await expect.poll(() => rowsOf(partner).count(), { timeout: 15_000 }).toBe(3);
    expect(await describedRows(partner)).toEqual(["", "Skymd sikt vid övergångsstället", "Trasig entrédörr"]);
    const controls = partner.locator("form.status-control");
    expect(await controls.count()).toBe(1);
    await partner.getByRole("form", { name: "Ändra status för Trasig entrédörr" }).waitFor();
    const other = rowsOf(partner).and(partner.locator("[data-restricted=true]"));
    expect(await other.count()).toBe(1);
    await expect(other.textContent()).resolves.toContain(RESTRICTED);
    await expect(other.textContent()).resolves.toContain("Belysning");
    await expectNoAxeViolations(partner);
  });

  it("shows a viewer every finding restricted and without status controls, in the list and the protocol", async () => {
    await viewer.goto(walkUrl);
    await expect.poll(() => rowsOf(viewer).count(), { timeout: 15_000 }).toBe(3);
    expect(await rowsOf(viewer).and(viewer.locator("[data-restricted=true]")).count()).toBe(3);
    expect(await describedRows(viewer)).toEqual(["", "", ""]);
    expect(await viewer.getByText(RESTRICTED).count()).toBe(3);
    expect(await viewer.locator("form.status-control").count()).toBe(0);
    expect(await viewer.getByRole("heading", { name: "Nytt fynd" }).count()).toBe(0);
    await expectNoAxeViolations(viewer);

    await viewer.getByRole("link", { name: "Protokoll" }).click();
    const protocol = viewer.getByTestId("walk-protocol");
    await protocol.waitFor();
    expect(await protocol.locator("ol.protocol-findings > li").count()).toBe(3);
    expect(await protocol.getByTestId("protocol-restricted").allTextContents()).toEqual(
      Array(3).fill(
        "Beskrivning, foton och kommentarer visas bara för analytiker och den egna organisationen.",
      ),
    );
    expect(await protocol.locator("img").count()).toBe(0);
    await expectNoAxeViolations(viewer);
  });

  it("says why a change is refused when the finding was handed to another organisation meanwhile", async () => {
    await partner.goto(walkUrl);
    const row = rowOf(partner, "Trasig entrédörr");
    await row.locator("form.status-control").waitFor();
    // Meanwhile the analyst hands it to LPO Borlänge (an organisation owner has no control in the list).
    const organizations = (await call(analyst, "walks.organizations")) as { id: string; name: string }[];
    const findings = (await call(analyst, "walks.findings", { walkId: walkUrl.split("/").pop() })) as {
      id: string;
      description: string;
    }[];
    await call(
      analyst,
      "walks.changeStatus",
      {
        findingId: findings.find((f) => f.description === "Trasig entrédörr")?.id,
        status: "tilldelad",
        ownerOrganizationId: organizations.find((o) => o.name === "LPO Borlänge")?.id,
      },
      "POST",
    );

    await selectLabelled(row, "Ny status").selectOption("avvisad");
    await fieldLabelled(row, "Kommentar").fill("Dörren är redan lagad");
    await row.getByRole("button", { name: "Ändra" }).click();
    await expect(row.getByRole("alert").textContent({ timeout: 15_000 })).resolves.toBe(
      "Posten tillhör en annan organisation: bara dess egna medlemmar, analytiker och administratörer kan ändra den.",
    );
    await expectNoAxeViolations(partner);
    await partner.reload();
    await partner.waitForSelector("tr[data-description='Trasig entrédörr'][data-status=tilldelad]");
    expect(await partner.locator("form.status-control").count()).toBe(0);
  });

  it("offers to record a dialogue's results only to the organisation that holds it", async () => {
    const plan = async (page: Page, place: string) => {
      await page.goto(`${baseUrl}/w/est-borlange/dialoger`);
      await page.getByRole("heading", { name: "Planera en dialog" }).waitFor();
      await selectLabelled(page, "Form").selectOption("fokusgrupp");
      await fillDateTime(page, "När", `${TODAY}T10:00`);
      await selectLabelled(page, "Område").selectOption({ label: AREA });
      await fieldLabelled(page, "Samlingsplats").fill(place);
      await page.getByRole("button", { name: "Lägg till i schemat" }).click();
      await page.locator(`[data-testid=dialogues-table] tbody tr[data-place='${place}']`).waitFor();
    };
    await plan(partner, "Tunabyggens kontor");
    await plan(analyst, "Polisstationen i Borlänge");
    const results = (page: Page, place: string) =>
      page
        .locator(`[data-testid=dialogues-table] tbody tr[data-place='${place}']`)
        .getByRole("button", { name: /Registrera resultat/ });

    await partner.reload();
    await partner
      .locator("[data-testid=dialogues-table] tbody tr[data-place='Polisstationen i Borlänge']")
      .waitFor();
    expect(await results(partner, "Tunabyggens kontor").count()).toBe(1);
    expect(await results(partner, "Polisstationen i Borlänge").count()).toBe(0);
    await expectNoAxeViolations(partner);
    expect(await results(analyst, "Polisstationen i Borlänge").count()).toBe(1);

    await viewer.goto(`${baseUrl}/w/est-borlange/dialoger`);
    await viewer.locator("[data-testid=dialogues-table] tbody tr[data-place='Tunabyggens kontor']").waitFor();
    expect(await viewer.getByRole("button", { name: /Registrera resultat/ }).count()).toBe(0);
    await expectNoAxeViolations(viewer);
  });
});
