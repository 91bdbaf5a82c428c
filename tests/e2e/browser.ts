import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { CHROMIUM_ARGS } from "../../server/features/exports/print-pdf.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Exactly these flags let maplibre draw with SwiftShader's WebGL2 in headless Chromium; the
// server prints PDFs with the same ones.
const FLAGS = CHROMIUM_ARGS;

/** A phone-sized screen (iPhone 12-class), for the pages used out in the field. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

export async function openBrowser(
  screen: { viewport: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {
    viewport: { width: 1400, height: 1000 },
  },
): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "est-e2e-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    ...screen,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
}

export async function login(page: Page, baseUrl: string, email: string, password = "est-demo-2026") {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/\/w\/est-borlange/);
}

/** axe-core with the WCAG 2.1 A and AA rules; the violations are listed when any are found. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

/** Waits until the map has drawn its districts (its `idle` handler records what it rendered). */
export async function waitForMap(page: Page, expectSelected?: string) {
  await page.waitForFunction(
    (selected) => {
      const map = document.querySelector<HTMLElement>("[data-testid=district-map]");
      if (!map?.dataset.renderedDistricts) return false;
      return selected === undefined || map.dataset.selectedDistricts === selected;
    },
    expectSelected,
    { timeout: 30_000 },
  );
}

/** A fresh browser (its own profile) with one page, logged in as a demo user. */
/** The Tuesday of issue 15's meeting (1 December 2026, ISO week 49), for a browser's clock. */
export const MEETING_TUESDAY = new Date("2026-12-01T09:00:00+01:00");

export async function openAs(
  baseUrl: string,
  email: string,
  screen?: Parameters<typeof openBrowser>[0],
  clock?: Date,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openBrowser(screen);
  const page = await context.newPage();
  // The browser's clock starts there and runs on (the server keeps its own).
  if (clock) await page.clock.install({ time: clock });
  await login(page, baseUrl, email);
  return { context, page };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pageOf = (scope: Page | Locator) =>
  ("page" in scope && typeof scope.page === "function" ? scope.page() : scope) as Page;
const labelled = (scope: Page | Locator, pattern: RegExp) =>
  scope.locator("label", { has: pageOf(scope).locator(".field-label", { hasText: pattern }) });

/** The select whose visible label is exactly `name` (a label also holds the chosen option's text). */
export const selectLabelled = (scope: Page | Locator, name: string) =>
  labelled(scope, new RegExp(`^${escapeRegExp(name)}$`)).locator("select");

/** The input or textarea whose visible label starts with `name`. */
export const fieldLabelled = (scope: Page | Locator, name: string) =>
  labelled(scope, new RegExp(`^${escapeRegExp(name)}`)).locator("input, textarea");

/** Types "ÅÅÅÅ-MM-DDTTT:MM" into a date-and-time field (its date and its time of day are two text inputs). */
export async function fillDateTime(scope: Page | Locator, name: string, value: string) {
  const [date = "", time = ""] = value.split("T");
  const field = labelled(scope, new RegExp(`^${escapeRegExp(name)}`));
  await field.getByPlaceholder("ÅÅÅÅ-MM-DD").fill(date);
  await field.getByRole("textbox", { name: "Klockslag" }).fill(time);
}

/** The PDF's text, by Debian's poppler-utils (CI installs it beside Chromium). */
export function pdfText(file: string): string {
  try {
    // In reading order, a table cell's wrapped lines joined again.
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error("The PDF test reads text with pdftotext: apt-get install -y poppler-utils");
    throw error;
  }
}
