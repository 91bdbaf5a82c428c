import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { ACCESS_POLICY } from "../../server/access-policy.ts";
import { createApp } from "../../server/app.ts";
import { PUBLIC_PAGE_HTTP_ROUTES } from "../../server/features/medborgarlofte/public-html-route.ts";
import { addDays, toLocalDate } from "../../shared/calendar.ts";
import { loginAs } from "../support/caller.ts";
import { addIncidents as addIncidentsTo } from "../support/incidents.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// What the public follow-up page adds to the promises (decisions/026): incident trends an admin
// chose and the count of fixed problems, with counts below 5 withheld, no rate for them and no
// total beside its parts; read over HTTP without a session from every public endpoint of the page.
type Caller = Awaited<ReturnType<typeof loginAs>>["caller"];

const SLUG = "est-lofte-publik";
const TJARNA = "2081C1140";
const CENTRE = "2081C1090";
const TODAY = toLocalDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));

/**
 * Every public endpoint behind the page, by name. A new public procedure or route must be added
 * here (the first test fails until it is), and so goes through the checks below.
 */
const PAGE_ENDPOINTS = ["trpc medborgarlofte.publicPage", "GET /lofte/<workspace>"] as const;
/** Public procedures that are not part of the page, and why. */
const NOT_THE_PAGE: Record<string, string> = {
  "system.config": "the basemap's address",
  "auth.login": "signing in",
  "auth.logout": "signing out",
  "auth.invitation": "a one-time link",
  "auth.acceptInvitation": "a one-time link",
  "auth.resetInfo": "a one-time link",
  "auth.resetPassword": "a one-time link",
  "reports.citizen": "a citizen's report, not a read",
  "reports.citizenStatus": "the reporter's own report by its token",
  "reports.citizenForm": "the report form's categories and areas",
  "places.publicSearch": "the report form's address search",
};

let testDb: TestDb;
let workspaceId: string;
let admin: Caller;
let analyst: Caller;
let viewer: Caller;
let server: ReturnType<typeof createApp>;
let url: string;
let clientDir: string;
let regsoOfTjarna = "";
let splitEffectId = "";

const addIncidents = (categoryCode: string, areaCode: string, day: string, count: number, tag: string) =>
  addIncidentsTo(testDb.db, workspaceId, { categoryCode, areaCode, day, count, tag });

async function addFindings(count: number, status: "ny" | "atgardad" | "avvisad", daysAgo = 10) {
  const area = await testDb.db.area.findFirstOrThrow({ where: { workspaceId, code: TJARNA } });
  for (let i = 0; i < count; i++)
    await testDb.db.walkFinding.create({
      data: {
        workspaceId,
        areaId: area.id,
        lon: 15.4,
        lat: 60.48,
        category: "belysning",
        description: "Trasig lampa vid Kalle Anderssons port",
        severity: 2,
        status,
        createdAt: new Date(Date.now() - daysAgo * 86_400_000),
      },
    });
}

type Endpoint = (typeof PAGE_ENDPOINTS)[number];

/** The page as each endpoint gives it, with no cookie: the tRPC answer as JSON, the route as HTML. */
async function read(endpoint: Endpoint, slug = SLUG): Promise<{ status: number; text: string }> {
  const target =
    endpoint === "GET /lofte/<workspace>"
      ? `${url}/lofte/${slug}`
      : `${url}/trpc/medborgarlofte.publicPage?input=${encodeURIComponent(JSON.stringify({ workspace: slug }))}`;
  const response = await fetch(target, { headers: { "X-Forwarded-For": "203.0.113.9" } });
  return { status: response.status, text: await response.text() };
}

async function publicJson() {
  const { text } = await read("trpc medborgarlofte.publicPage");
  return (JSON.parse(text) as { result: { data: Record<string, unknown> } }).result.data;
}

/** Every count-like number in an answer: each must be withheld (null) or at least 5, and no rate without its count. */
function countsIn(value: unknown, found: { key: string; value: unknown }[] = []) {
  if (Array.isArray(value)) for (const item of value) countsIn(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(record)) {
      // An activity's target ("minst 4 trygghetsvandringar") is the promise's own words, not a count of anything.
      if (key === "target") continue;
      if (["count", "participants", "total", "fixed"].includes(key)) found.push({ key, value: inner });
      if (key === "rate" && inner !== null)
        expect(record.count, "a rate beside a withheld count").not.toBeNull();
      countsIn(inner, found);
    }
  }
  return found;
}

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  workspaceId = (await createWorkspace(db, { name: "EST Publik", slug: SLUG })).id;
  const kommun = await createOrganization(db, {
    name: "Borlänge kommun",
    kind: "kommun",
    workspaceIds: [workspaceId],
  });
  const users: [string, "admin" | "analyst" | "viewer"][] = [
    ["admin@publik.example", "admin"],
    ["analytiker@publik.example", "analyst"],
    ["lasare@publik.example", "viewer"],
  ];
  for (const [email, role] of users)
    await createUser(db, { email, memberships: [{ workspaceId, role, organizationId: kommun.id }] });
  await createBorlangeAreas(db, workspaceId);
  await createCategoryTree(db, workspaceId);
  const login = async (email: string) => (await loginAs(db, email, TEST_PASSWORD, SLUG)).caller;
  admin = await login("admin@publik.example");
  analyst = await login("analytiker@publik.example");
  viewer = await login("lasare@publik.example");
  const tjarna = await db.area.findFirstOrThrow({
    where: { workspaceId, code: TJARNA },
    select: { parentId: true },
  });
  regsoOfTjarna =
    (await db.area.findFirstOrThrow({ where: { workspaceId, id: tjarna.parentId ?? "" } })).code ?? "";
  // Klotter in Tjärna Ängar on New Year's Day: 3 last year, 12 this year; other partner events
  // there (6 and 2) make the group's figure; skadegörelse in the centre is never chosen.
  await addIncidents("P-KLOTTER", TJARNA, `${YEAR - 1}-01-01`, 3, "klotter-before");
  await addIncidents("P-KLOTTER", TJARNA, `${YEAR}-01-01`, 12, "klotter-now");
  await addIncidents("P-SAMLING", TJARNA, `${YEAR - 1}-01-01`, 6, "samling-before");
  await addIncidents("P-SAMLING", TJARNA, `${YEAR}-01-01`, 2, "samling-now");
  await addIncidents("1212", CENTRE, `${YEAR}-01-01`, 9, "centre");
  const promise = await analyst.medborgarlofte.create({
    title: `Tryggare Tjärna Ängar ${YEAR}`,
    startYear: YEAR,
    endYear: YEAR,
    areaCodes: [TJARNA],
  });
  const walks = await analyst.medborgarlofte.addActivity({
    promiseId: promise.id,
    title: "Trygghetsvandringar",
    target: { kind: "count", count: 4 },
  });
  await analyst.medborgarlofte.addProgress({
    activityId: walks.id,
    doneOn: `${YEAR}-01-01`,
    whatDone: "Vandring med Kalle",
    participants: 3,
  });
  const effect = (description: string, categoryCode: string, areaCode: string) =>
    analyst.medborgarlofte.addEffect({
      promiseId: promise.id,
      description,
      desiredDirection: "decrease",
      baselineYear: YEAR - 1,
      areaCode,
      indicator: { kind: "incidents", categoryCode },
    });
  await effect("Mindre klotter i Tjärna Ängar", "P-KLOTTER", TJARNA);
  splitEffectId = (await effect("Färre ordningsstörningar i Tjärna Ängar", "G-PARTNER", TJARNA)).id;
  await admin.medborgarlofte.publish({ id: promise.id, isPublished: true });
  const secret = await analyst.medborgarlofte.create({
    title: "Hemligt löfte",
    startYear: YEAR,
    endYear: YEAR,
  });
  await analyst.medborgarlofte.addActivity({
    promiseId: secret.id,
    title: "Hemlig aktivitet",
    target: { kind: "count", count: 2 },
  });
  clientDir = mkdtempSync(path.join(tmpdir(), "lofte-client-"));
  writeFileSync(
    path.join(clientDir, "index.html"),
    '<!doctype html><html lang="sv"><head><title>EST Lägesbild</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>',
  );
  server = createApp({
    db,
    cookies: { secure: "false" },
    config: { mapStyleUrl: null },
    clientDir,
    trustProxy: 1,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

describe("the public endpoints of the promise page", () => {
  it("are all named here: a new public procedure or route must be added to the checks", () => {
    const publicProcedures = Object.entries(ACCESS_POLICY)
      .filter(([, access]) => access.callers === "public")
      .map(([name]) => name);
    expect(publicProcedures.filter((name) => !(name in NOT_THE_PAGE)).sort()).toEqual(
      PAGE_ENDPOINTS.filter((e) => e.startsWith("trpc ")).map((e) => e.slice(5)),
    );
    expect(PUBLIC_PAGE_HTTP_ROUTES).toEqual(
      PAGE_ENDPOINTS.filter((e) => e.startsWith("GET ")).map((e) => e.slice(4)),
    );
  });

  it("show nothing of the trends or fixed problems until an admin chooses them", async () => {
    const page = await publicJson();
    expect(page).toMatchObject({ fixedProblems: null, trends: null });
    const html = (await read("GET /lofte/<workspace>")).text;
    expect(html).not.toContain("Anmälda brott");
    expect(html).not.toContain("Rapporterade problem");
  });

  it("take the admin's choice only, and refuse a category or area inside another", async () => {
    const choice = { categoryCodes: ["P-KLOTTER"], areaCodes: [TJARNA], showsFixedProblems: true };
    await expect(analyst.medborgarlofte.setPublicSettings(choice)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      admin.medborgarlofte.setPublicSettings({ ...choice, categoryCodes: ["G-PARTNER", "P-KLOTTER"] }),
    ).rejects.toThrow(/P-KLOTTER lies within G-PARTNER/);
    await expect(
      admin.medborgarlofte.setPublicSettings({ ...choice, areaCodes: [regsoOfTjarna, TJARNA] }),
    ).rejects.toThrow(/Tjärna Ängar .*lies within/);
    await expect(
      admin.medborgarlofte.setPublicSettings({ ...choice, categoryCodes: ["FINNS-INTE"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await admin.medborgarlofte.setPublicSettings(choice)).toEqual(choice);
    expect(await viewer.medborgarlofte.publicSettings()).toEqual(choice);
  });

  it("withhold trend counts below 5 and their rates; show the rest with the rate", async () => {
    const trends = (await publicJson()).trends as {
      years: { year: number; start: string; end: string }[];
      series: { areaName: string; categoryName: string; cells: Record<string, unknown>[] }[];
    };
    expect(trends.years.map((y) => y.year)).toEqual([YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR]);
    // The last day with data is 1 January, so every year is read on the same single day.
    expect(trends.years.at(-2)).toEqual({
      year: YEAR - 1,
      start: `${YEAR - 1}-01-01`,
      end: `${YEAR - 1}-01-01`,
    });
    expect(trends.series.map((s) => [s.areaName, s.categoryName])).toEqual([
      ["Tjärna Ängar", "Klotter (partner)"],
    ]);
    const [before, now] = trends.series[0]?.cells.slice(-2) ?? [];
    expect(before).toEqual({
      year: YEAR - 1,
      count: null,
      rate: null,
      isSuppressed: true,
      isWithheld: false,
    });
    expect(now).toMatchObject({ year: YEAR, count: 12, isSuppressed: false, isWithheld: false });
    expect(now?.rate).toBeGreaterThan(0);
    expect(trends.series[0]?.cells[0]).toMatchObject({ count: null, isSuppressed: true });
  });

  it("withhold an effect whose figures contain a public trend's, so nothing is had by subtraction", async () => {
    const page = (await publicJson()) as {
      promises: { effects: { id: string; description: string; measured: Record<string, unknown> }[] }[];
    };
    const effects = page.promises[0]?.effects ?? [];
    // Same category and area as the trend: the same figures, so nothing new; 3 is still withheld.
    expect(effects[0]?.measured).toMatchObject({
      baseline: { count: null },
      current: { count: 12 },
      percentChange: null,
    });
    // All partner events there contain the klotter: 14 − 12 would reveal the 2 others.
    const split = effects.find((e) => e.id === splitEffectId)?.measured;
    expect(split).toMatchObject({
      baseline: { count: null },
      current: { count: null },
      percentChange: null,
      percentInterval: null,
      isWithheld: true,
    });
    const internal = (
      await viewer.medborgarlofte.get({
        id: (await viewer.medborgarlofte.list()).find((p) => p.title.startsWith("Tryggare"))?.id ?? "",
      })
    ).effects;
    const both = internal.find((e) => e.id === splitEffectId)?.measured;
    if (both?.kind !== "incidents") throw new Error("an incident effect");
    expect([both.baseline?.count, both.current?.count]).toEqual([9, 14]);
    const html = (await read("GET /lofte/<workspace>")).text;
    expect(html).toContain("Antalen visas inte här");
    expect(html).not.toMatch(/: 14\b/);
  });

  it("count fixed problems of the last twelve months, withholding a part below 5 and the total around it", async () => {
    await addFindings(5, "atgardad");
    await addFindings(2, "ny");
    await addFindings(1, "avvisad");
    await addFindings(9, "atgardad", 400);
    await admin.medborgarlofte.setPublicSettings({
      categoryCodes: ["P-KLOTTER"],
      areaCodes: [TJARNA],
      showsFixedProblems: true,
    });
    // 7 reported (the rejected one and last year's do not count), 5 fixed, 2 open: 7 − 5 reveals the 2.
    expect((await publicJson()).fixedProblems).toMatchObject({
      period: { start: addDays(TODAY, -364), end: TODAY },
      total: 7,
      fixed: null,
      isOpenFew: true,
    });
    expect((await read("GET /lofte/<workspace>")).text).toContain(
      "Alla utom färre än 5 av 7 rapporterade problem är åtgärdade.",
    );
    await addFindings(3, "ny");
    await admin.medborgarlofte.setPublicSettings({
      categoryCodes: ["P-KLOTTER"],
      areaCodes: [TJARNA],
      showsFixedProblems: true,
    });
    expect((await publicJson()).fixedProblems).toMatchObject({ total: 10, fixed: 5, isOpenFew: false });
    expect((await read("GET /lofte/<workspace>")).text).toContain(
      "5 av 10 rapporterade problem är åtgärdade.",
    );
  });

  it.each(PAGE_ENDPOINTS)(
    "%s: no session, no count below 5, nothing unpublished, no personal text",
    async (endpoint) => {
      const { status, text } = await read(endpoint);
      expect(status).toBe(200);
      for (const secret of [
        "Hemligt löfte",
        "Hemlig aktivitet",
        "Kalle",
        "Annan skadegörelse",
        "Mjälga-Centrum",
      ])
        expect(text).not.toContain(secret);
      if (endpoint === "GET /lofte/<workspace>") {
        expect(text).toContain(`<title>Medborgarlöften: EST Publik</title>`);
        expect(text).toContain("Tryggare Tjärna Ängar");
        expect(text).toContain("färre än 5");
        expect(text).toContain("Färre än 5 deltagare");
        // No table cell or sentence gives a small count.
        expect(text).not.toMatch(/<td>[0-4]\b/);
        expect(text).not.toMatch(/\b[0-4] deltagare/);
        return;
      }
      const counts = countsIn(JSON.parse(text));
      expect(counts.length).toBeGreaterThan(5);
      for (const { key, value } of counts)
        expect(value === null || (typeof value === "number" && value >= 5), `${key}: ${String(value)}`).toBe(
          true,
        );
    },
  );

  it.each(PAGE_ENDPOINTS)("%s: an unknown workspace is not found", async (endpoint) => {
    expect((await read(endpoint, "finns-inte")).status).toBe(404);
  });

  it("serves the HTML page from the minute cache for shared caches, framable only with ?inbaddad=1's path", async () => {
    const response = await fetch(`${url}/lofte/${SLUG}?inbaddad=1`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("x-frame-options")).toBeNull();
    const html = await response.text();
    expect(html).toContain('class="page public-page lofte-public is-embedded"');
    expect(html).not.toContain("Sidan visas utan inloggning");
    expect(html).toContain('<script type="module" src="/assets/app.js">');
  });

  it("serves a link in the newspaper: 300 readers at once behind one address after a change, all with the page", async () => {
    // A change drops the cached page; the readers arrive together, all through one address (a
    // workplace's or a mobile operator's), and each browser asks for the HTML and then the app's
    // data call: one assembly serves them all, and the address's limit counts only that one.
    const { id } = await analyst.medborgarlofte.create({
      title: "Löfte för cachetest",
      startYear: YEAR,
      endYear: YEAR,
    });
    await admin.medborgarlofte.publish({ id, isPublished: true });
    const headers = { "X-Forwarded-For": "198.51.100.77" };
    const answers = await Promise.all(
      Array.from({ length: 150 }, () => [
        fetch(`${url}/lofte/${SLUG}`, { headers }),
        fetch(
          `${url}/trpc/medborgarlofte.publicPage?input=${encodeURIComponent(JSON.stringify({ workspace: SLUG }))}`,
          { headers },
        ),
      ])
        .flat()
        .map((request) =>
          request.then(async (response) => ({
            status: response.status,
            etag: response.headers.get("etag"),
            text: await response.text(),
          })),
        ),
    );
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
    expect(new Set(answers.filter((a) => a.etag !== null).map((a) => a.etag)).size).toBe(1);
    for (const answer of answers) expect(answer.text).toContain("Löfte för cachetest");
    // The data call's answer is the same bytes whether tRPC assembled it or it came from the cache.
    const dataAnswers = new Set(answers.filter((a) => a.etag === null).map((a) => a.text));
    expect([...dataAnswers]).toEqual([(await read("trpc medborgarlofte.publicPage")).text]);
    await admin.medborgarlofte.publish({ id, isPublished: false });
    await analyst.medborgarlofte.remove({ id });
  });

  it("shows a promise whose text holds $-patterns as written, inside the page's body", async () => {
    // String.replace reads "$'", "$`" and "$&" in a replacement string as patterns: text is text.
    const title = "Löfte $' $` $& $$ slut";
    const { id } = await analyst.medborgarlofte.create({ title, startYear: YEAR, endYear: YEAR });
    await admin.medborgarlofte.publish({ id, isPublished: true });
    try {
      const html = await (await fetch(`${url}/lofte/${SLUG}`)).text();
      expect(html).toContain("Löfte $&#39; $` $&amp; $$ slut");
      expect(html.match(/<script type="module"/g)?.length).toBe(1);
      expect(html.match(/<\/body>/g)?.length).toBe(1);
      expect(html.indexOf("slut")).toBeLessThan(html.indexOf("</body>"));
    } finally {
      await admin.medborgarlofte.publish({ id, isPublished: false });
      await analyst.medborgarlofte.remove({ id });
    }
  });

  it("gives the data call's cached answer as the bytes tRPC sends", async () => {
    // Publishing the published promise again is a change: the page is assembled anew.
    const promises = await analyst.medborgarlofte.list();
    const published = promises.find((p) => p.title.startsWith("Tryggare Tjärna Ängar"));
    await admin.medborgarlofte.publish({ id: published?.id ?? "", isPublished: true });
    const assembled = await read("trpc medborgarlofte.publicPage");
    const cached = await read("trpc medborgarlofte.publicPage");
    expect(cached).toEqual(assembled);
    expect(JSON.parse(cached.text)).toMatchObject({ result: { data: { name: "EST Publik" } } });
  });

  it("answers a reader who holds the page with 304 and no body; a changed page has a new ETag", async () => {
    const first = await fetch(`${url}/lofte/${SLUG}`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(Number(first.headers.get("content-length"))).toBe(Buffer.byteLength(await first.text()));
    const again = await fetch(`${url}/lofte/${SLUG}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await again.text()).toBe("");
    const embedded = await fetch(`${url}/lofte/${SLUG}?inbaddad=1`, { headers: { "If-None-Match": etag } });
    expect(embedded.status).toBe(200);
    expect(embedded.headers.get("etag")).not.toBe(etag);
    await embedded.text();
    const { id } = await analyst.medborgarlofte.create({
      title: "Nytt löfte",
      startYear: YEAR,
      endYear: YEAR,
    });
    await admin.medborgarlofte.publish({ id, isPublished: true });
    const changed = await fetch(`${url}/lofte/${SLUG}`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("Nytt löfte");
    await admin.medborgarlofte.publish({ id, isPublished: false });
    await analyst.medborgarlofte.remove({ id });
  });
});
