import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { parseByteRange } from "../../server/features/maps/basemap-route.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { writeTestBasemap } from "../support/test-basemap.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let folder: string;
let archive: string;
const servers: http.Server[] = [];

async function serve(basemapPmtiles?: string) {
  const server = createApp({
    db: testDb.db,
    cookies: { secure: "false" },
    config: { mapStyleUrl: null },
    basemapPmtiles,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  testDb = await createTestDb();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "est-basemap-test-"));
  archive = path.join(folder, "basemap.pmtiles");
  writeTestBasemap(archive);
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await testDb?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("the basemap route", () => {
  it("serves the archive by single byte ranges, whole without a range, and refuses what it cannot satisfy", async () => {
    const url = `${await serve(archive)}/basemap/basemap.pmtiles`;
    const size = fs.statSync(archive).size;
    const bytes = fs.readFileSync(archive);
    const tail = await fetch(url, { headers: { Range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(size - 10));
    // The protocol's first read asks for 16 kB; a smaller archive answers with what it has.
    const first = await fetch(url, { headers: { Range: "bytes=0-16383" } });
    expect(first.headers.get("content-length")).toBe(String(Math.min(size, 16384)));
    expect(first.headers.get("etag")).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(size);
    expect((await fetch(url, { headers: { Range: "bytes=5-2" } })).status).toBe(416);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
    expect(parseByteRange("bytes=0-1,4-5", size)).toBeNull();
    expect(parseByteRange("bytes=10-", size)).toEqual({ start: 10, end: size - 1 });
  });

  it("gives the offline style and no archive when the data folder has none", async () => {
    const base = await serve(path.join(folder, "missing.pmtiles"));
    const style = await (await fetch(`${base}/basemap/style.json`)).json();
    expect(style.sources).toEqual({});
    expect(style.layers.map((layer: { id: string }) => layer.id)).toEqual(["background"]);
    expect((await fetch(`${base}/basemap/basemap.pmtiles`)).status).toBe(404);
  });
});

describe("a workspace's own basemap style", () => {
  it("is set by an admin only, https only, and the policy then allows its origin", async () => {
    const workspace = await createWorkspace(testDb.db);
    for (const [email, role] of [
      ["admin@karta.example", "admin"],
      ["analyst@karta.example", "analyst"],
    ] as const)
      await createUser(testDb.db, { email, memberships: [{ workspaceId: workspace.id, role }] });
    const admin = (await loginAs(testDb.db, "admin@karta.example", TEST_PASSWORD, workspace.slug)).caller;
    const analyst = (await loginAs(testDb.db, "analyst@karta.example", TEST_PASSWORD, workspace.slug)).caller;
    const base = await serve(archive);
    const policy = async () => (await fetch(`${base}/healthz`)).headers.get("content-security-policy") ?? "";
    expect(await policy()).toContain("connect-src 'self';");

    const styleUrl = "https://tiles.openfreemap.org/styles/liberty";
    await expect(analyst.maps.setBasemapStyle({ styleUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admin.maps.setBasemapStyle({ styleUrl: "http://tiles.example/style.json" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.maps.setBasemapStyle({ styleUrl })).toEqual({ styleUrl });
    expect((await admin.workspace.current()).basemapStyleUrl).toBe(styleUrl);
    expect(await policy()).toContain("connect-src 'self' https://tiles.openfreemap.org https:;");

    await admin.maps.setBasemapStyle({ styleUrl: null });
    expect(await policy()).toContain("connect-src 'self';");
  });
});
