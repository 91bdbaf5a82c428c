import type { AddressInfo } from "node:net";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { readEnv } from "../../server/env.ts";
import { passwordHashing, verifyPassword } from "../../server/features/auth/password.ts";
import { readPhoto } from "../../server/features/reports/photos.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { callerFor, loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

const SLUG = "est-borlange";
// Mjälga-Centrum's centroid: inside Borlänge's districts.
const PLACE = { lon: 15.449798, lat: 60.48153 };
const SESSION_DAYS = 2;
const DAY_MS = 86_400_000;

let testDb: TestDb;
let workspaceId: string;
let server: ReturnType<typeof createApp>;
let url: string;

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  const workspace = await createWorkspace(db, { name: "EST Borlänge", slug: SLUG });
  workspaceId = workspace.id;
  await createBorlangeAreas(db, workspace.id);
  await createCategoryTree(db, workspace.id);
  for (const name of ["analyst", "batch", "dos", "proxy", "session", "spread"])
    await createUser(db, {
      email: `${name}@borlange.example`,
      memberships: [{ workspaceId: workspace.id, role: "analyst" }],
    });
  // One trusted proxy in front, as behind a reverse proxy; sessions of SESSION_DAYS.
  server = createApp({
    db,
    cookies: { secure: "false" },
    config: { mapStyleUrl: null },
    trustProxy: 1,
    sessionDays: SESSION_DAYS,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.close();
});

type TrpcError = { error: { message: string; data: { code: string; httpStatus: number; appCode: string } } };

/** A tRPC batch over HTTP as a browser (or an attacker) would send it, from a given address behind the proxy. */
function postBatch(paths: string[], inputs: unknown[], headers: Record<string, string> = {}) {
  const body = Object.fromEntries(inputs.map((input, index) => [String(index), input]));
  return fetch(`${url}/trpc/${paths.join(",")}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => /^est_session=[^;]+/.test(cookie)) ?? null;

const appCodes = (caught: unknown) =>
  (caught as { cause?: { code?: string } }).cause?.code ?? (caught as { code?: string }).code;

describe("login throttling", () => {
  it("refuses a batch larger than the limit before checking any password", async () => {
    const started = Date.now();
    const guesses = Array.from({ length: 1000 }, (_, i) => ({
      email: "batch@borlange.example",
      password: `gissning-${i}`,
    }));
    const response = await postBatch(
      guesses.map(() => "auth.login"),
      guesses,
      { "x-forwarded-for": "198.51.100.1" },
    );
    expect(response.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(3000);
    const body = (await response.json()) as TrpcError;
    expect(body.error.message).toMatch(/batch/i);
  });

  it("counts each guess before its password is checked: the right password at the end of a batch logs no one in", async () => {
    const guesses = [
      ...Array.from({ length: 9 }, (_, i) => ({ email: "batch@borlange.example", password: `fel-${i}` })),
      { email: "batch@borlange.example", password: TEST_PASSWORD },
    ];
    const response = await postBatch(
      guesses.map(() => "auth.login"),
      guesses,
      { "x-forwarded-for": "198.51.100.2" },
    );
    const results = (await response.json()) as (TrpcError | { result: unknown })[];
    expect(results).toHaveLength(10);
    expect(results.at(-1)).toMatchObject({ error: { data: { code: "TOO_MANY_REQUESTS" } } });
    expect(results.filter((r) => "error" in r && r.error.data.code === "TOO_MANY_REQUESTS").length).toBe(5);
    expect(sessionCookieOf(response)).toBeNull();
  });

  it("limits guesses per address across accounts, not only per account", async () => {
    const from = (clientIp: string) => callerFor(testDb.db, { clientIp }).caller;
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++)
      outcomes.push(
        await from("203.0.113.50")
          .auth.login({ email: `okand-${i}@borlange.example`, password: "fel-losenord" })
          .then(
            () => "ok",
            (error: unknown) => String(appCodes(error)),
          ),
      );
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("INVALID_CREDENTIALS"));
    expect(outcomes.at(-1)).toBe("RATE_LIMITED");
    // Once the address is backing off, even a real account's right password waits ...
    await expect(
      from("203.0.113.50").auth.login({ email: "spread@borlange.example", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // ... while the same account from another address is let in.
    await expect(
      from("203.0.113.51").auth.login({ email: "spread@borlange.example", password: TEST_PASSWORD }),
    ).resolves.toEqual({ ok: true });
  });

  it("hashes at most a few passwords at once, however many logins arrive together", async () => {
    passwordHashing.resetPeak();
    const hash = (await testDb.db.user.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash;
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyPassword(hash, "fel")));
    expect(results.every((isValid) => isValid === false)).toBe(true);
    expect(passwordHashing.peakActive).toBeGreaterThanOrEqual(1);
    expect(passwordHashing.peakActive).toBeLessThanOrEqual(passwordHashing.concurrency);
    expect(passwordHashing.concurrency).toBeLessThanOrEqual(4);
  });
});

describe("lockout", () => {
  it("does not lock the real user out: wrong passwords from one address slow that address only", async () => {
    const attacker = callerFor(testDb.db, { clientIp: "192.0.2.66" }).caller;
    for (let i = 0; i < 12; i++)
      await attacker.auth.login({ email: "dos@borlange.example", password: `fel-${i}` }).catch(() => null);
    await expect(
      attacker.auth.login({ email: "dos@borlange.example", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const { caller, cookies } = callerFor(testDb.db, { clientIp: "192.0.2.10" });
    await expect(
      caller.auth.login({ email: "dos@borlange.example", password: TEST_PASSWORD }),
    ).resolves.toEqual({ ok: true });
    expect(cookies.token).not.toBeNull();
  });
});

describe("TRUST_PROXY", () => {
  it("is read by server/env.ts as a number of trusted proxies", () => {
    expect(readEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(readEnv({}).TRUST_PROXY).toBe(0);
    expect(() => readEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });

  it("takes the address the proxy added, so a forged leftmost X-Forwarded-For does not escape the limit", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await postBatch(
        ["auth.login"],
        [{ email: "proxy@borlange.example", password: "fel" }],
        {
          "x-forwarded-for": `10.99.0.${i}, 198.51.100.77`,
        },
      );
      const [result] = (await response.json()) as TrpcError[];
      codes.push(result?.error.data.code ?? "OK");
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill("UNAUTHORIZED"));
    expect(codes.slice(5)).toEqual(Array(3).fill("TOO_MANY_REQUESTS"));
  });
});

describe("request bodies", () => {
  it("refuses a public procedure's oversized body with 413 before it is read in full", async () => {
    const response = await fetch(`${url}/trpc/reports.citizen`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.3" },
      body: JSON.stringify({ photo: "A".repeat(10 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as TrpcError;
    expect(body.error.data.appCode).toBe("PAYLOAD_TOO_LARGE");
  });

  it("gives an import's large body only to a signed-in session, however the batch is named", async () => {
    const large = { fileName: "", contentBase64: "A".repeat(10 * 1024 * 1024) };
    const anonymous = await postBatch(["reports.citizen", "imports.preview"], [{}, large]);
    // Read only up to a signed-out report's limit: the batch's calls fail on the body's size.
    const refused = (await anonymous.json()) as TrpcError[];
    expect(refused[0]?.error.data.appCode).toBe("PAYLOAD_TOO_LARGE");
    expect(refused.map((r) => r.error.data.appCode)).not.toContain("VALIDATION");
    const login = await postBatch(
      ["auth.login"],
      [{ email: "analyst@borlange.example", password: TEST_PASSWORD }],
    );
    const cookie = sessionCookieOf(login)?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^est_session=/);
    const signedIn = await postBatch(["imports.preview"], [large], { cookie, "x-est-workspace": SLUG });
    // Read in full and refused by the input schema (an empty file name), not by size.
    expect(signedIn.status).toBe(400);
    const [result] = (await signedIn.json()) as TrpcError[];
    expect(result?.error.data.appCode).toBe("VALIDATION");
  });

  it("refuses an XLSX whose contents unzip beyond 100 MB, naming the limit", async () => {
    const analyst = (await loginAs(testDb.db, "analyst@borlange.example", TEST_PASSWORD, SLUG)).caller;
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(101 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const caught = await analyst.imports
      .preview({ fileName: "rapporter.xlsx", contentBase64: bomb.toString("base64") })
      .catch((error: unknown) => error);
    expect(JSON.stringify((caught as { cause?: unknown }).cause ?? caught)).toMatch(/100 MB/);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad1");
    sheet.addRow(["Datum", "Kategori", "Område"]);
    sheet.addRow(["2026-03-05", "Klotter", "Mjälga-Centrum"]);
    const real = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(
      analyst.imports.preview({ fileName: "rapporter.xlsx", contentBase64: real.toString("base64") }),
    ).resolves.toMatchObject({ header: ["Datum", "Kategori", "Område"], rowCount: 1 });
  });

  it("stores a citizen's photo re-encoded, without the GPS position its camera wrote", async () => {
    const jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: "#808080" } })
      .jpeg()
      .withExif({
        IFD0: { Make: "Telefon" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "60/1 28/1 5/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "15/1 26/1 59/1",
        },
      })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const filed = await callerFor(testDb.db, { clientIp: "198.51.100.4" }).caller.reports.citizen({
      workspace: SLUG,
      category: "belysning",
      ...PLACE,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      description: "Trasig lampa vid gångtunneln.",
      contact: null,
      website: "",
      photo: jpeg.toString("base64"),
    });
    const stored = await testDb.db.photo.findFirstOrThrow({
      where: { reportId: filed.id },
      select: { id: true },
    });
    const photo = await readPhoto(testDb.db, workspaceId, stored.id);
    const bytes = Buffer.from(photo.base64, "base64");
    const metadata = await sharp(bytes).metadata();
    expect(photo.contentType).toBe("image/jpeg");
    expect(metadata).toMatchObject({ format: "jpeg", width: 16, height: 12 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("Telefon"))).toBe(false);
  });
});

describe("the citizen's follow-up token", () => {
  it("is not accepted in a GET query string, only in a POST body", async () => {
    const input = encodeURIComponent(JSON.stringify({ token: "x".repeat(32) }));
    const viaGet = await fetch(`${url}/trpc/reports.citizenStatus?input=${input}`);
    expect(viaGet.status).toBe(405);
    expect(((await viaGet.json()) as TrpcError).error.data.appCode).toBe("METHOD_NOT_ALLOWED");
    const viaPost = await postBatch(["reports.citizenStatus"], [{ token: "x".repeat(32) }], {
      "x-forwarded-for": "198.51.100.5",
    });
    const [result] = (await viaPost.json()) as TrpcError[];
    expect(result?.error.data.code).toBe("NOT_FOUND");
  });
});

describe("sessions", () => {
  it("last SESSION_DAYS and are renewed, cookie and row, while in use", async () => {
    const login = await postBatch(
      ["auth.login"],
      [{ email: "session@borlange.example", password: TEST_PASSWORD }],
    );
    const cookie = sessionCookieOf(login) ?? "";
    const expires = Date.parse(/Expires=([^;]+)/i.exec(cookie)?.[1] ?? "");
    expect(Math.abs(expires - (Date.now() + SESSION_DAYS * DAY_MS))).toBeLessThan(60_000);
    const user = await testDb.db.user.findUniqueOrThrow({ where: { email: "session@borlange.example" } });
    const session = await testDb.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(Math.abs(session.expiresAt.getTime() - expires)).toBeLessThan(60_000);

    // A day and a half later (expiry brought forward): the next request renews it.
    await testDb.db.session.update({
      where: { tokenHash: session.tokenHash },
      data: { expiresAt: new Date(Date.now() + DAY_MS / 2) },
    });
    const me = await fetch(`${url}/trpc/auth.me`, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(me.status).toBe(200);
    const renewed = sessionCookieOf(me) ?? "";
    expect(renewed.split(";")[0]).toBe(cookie.split(";")[0]);
    const renewedExpires = Date.parse(/Expires=([^;]+)/i.exec(renewed)?.[1] ?? "");
    expect(Math.abs(renewedExpires - (Date.now() + SESSION_DAYS * DAY_MS))).toBeLessThan(60_000);
    const stored = await testDb.db.session.findUniqueOrThrow({ where: { tokenHash: session.tokenHash } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 0.1) * DAY_MS);
  });
});

describe("dates and HTTP errors", () => {
  it("answers a date far in the future with a 400 naming the accepted range", async () => {
    const analyst = (await loginAs(testDb.db, "analyst@borlange.example", TEST_PASSWORD, SLUG)).caller;
    for (const date of ["9999-12-31", "0001-01-01"]) {
      const caught = await analyst.overview
        .districtStats({ period: { kind: "week", date } })
        .catch((error: unknown) => error);
      expect(caught).toMatchObject({ code: "BAD_REQUEST" });
      expect((caught as Error).message).toMatch(/1900-01-01.*2199-12-31/);
    }
  });

  it("reports 405, 413 and 415 as what they are, not as internal errors", async () => {
    const wrongMethod = await fetch(`${url}/trpc/auth.login?input=%7B%7D`);
    const wrongType = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    const tooLarge = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "x".repeat(2 * 1024 * 1024) }),
    });
    for (const [response, status, appCode] of [
      [wrongMethod, 405, "METHOD_NOT_ALLOWED"],
      [wrongType, 415, "UNSUPPORTED_MEDIA_TYPE"],
      [tooLarge, 413, "PAYLOAD_TOO_LARGE"],
    ] as const) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as TrpcError;
      expect(body.error.data.appCode).toBe(appCode);
      expect(body.error.message).not.toMatch(/went wrong on our side/);
    }
  });
});

describe("cross-site requests and response headers", () => {
  const login = { email: "nobody@borlange.example", password: "fel-losenord" };

  it("refuses a mutation from another origin, before any procedure runs", async () => {
    const foreign = await postBatch(["auth.login"], [login], { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const fetchedCrossSite = await postBatch(["auth.logout"], [undefined], {
      "sec-fetch-site": "cross-site",
    });
    expect(fetchedCrossSite.status).toBe(403);
    const sameOrigin = await postBatch(["auth.login"], [login], {
      origin: url,
      "x-forwarded-for": "198.51.100.6",
    });
    expect(sameOrigin.status).toBe(401);
  });

  it("sends a Content-Security-Policy with base-uri and form-action, and HSTS only over TLS", async () => {
    const page = await fetch(`${url}/`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/base-uri 'none'/);
    expect(csp).toMatch(/form-action 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const behindTls = await fetch(`${url}/trpc/system.config`, { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });
});

/** A ZIP archive (deflated entries) as an XLSX file is one, written by hand to shape its sizes. */
function zipOf(entries: { name: string; data: Buffer }[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
