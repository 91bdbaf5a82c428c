import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { createLogger } from "../../server/logger.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

const SLUG = "est-borlange";
const PLACE = { lon: 15.449798, lat: 60.48153 };
// Personal text a request carries: it must reach no log line.
const PLANTED = "Planterad-Logg-5822 Lisa Lindqvist";

let testDb: TestDb;
let server: ReturnType<typeof createApp>;
let url: string;
let cookie: string;
const lines: string[] = [];
const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const recordOf = (requestId: string) => records().filter((r) => r.requestId === requestId);

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  const workspace = await createWorkspace(db, { slug: SLUG });
  await createBorlangeAreas(db, workspace.id);
  await createCategoryTree(db, workspace.id);
  const organization = await createOrganization(db, {
    name: "Tunabyggen",
    kind: "bostadsbolag",
    workspaceIds: [workspace.id],
  });
  await createUser(db, {
    email: "bovard@tunabyggen.example",
    memberships: [{ workspaceId: workspace.id, role: "member", organizationId: organization.id }],
  });
  cookie = `est_session=${(await loginAs(db, "bovard@tunabyggen.example", TEST_PASSWORD)).token}`;
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(line) } });
  server = createApp({ db, cookies: { secure: "false" }, config: { mapStyleUrl: null }, logger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.close();
});

/** Waits for the request's line: it is written when the response closes, a moment after the client has it. */
async function lineOf(requestId: string) {
  for (let i = 0; i < 50 && recordOf(requestId).length === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  const found = recordOf(requestId);
  expect(found, `log lines of ${requestId}`).toHaveLength(1);
  return found[0] ?? {};
}

const headers = (requestId?: string) => ({
  "content-type": "application/json",
  cookie,
  "x-est-workspace": SLUG,
  ...(requestId ? { "x-request-id": requestId } : {}),
});

describe("request logs", () => {
  it("log one line per request with its id, procedure, status and duration, and none of its input", async () => {
    const response = await fetch(`${url}/trpc/walks.addFinding`, {
      method: "POST",
      headers: headers("proxy-id-0001"),
      body: JSON.stringify({
        walkId: null,
        ...PLACE,
        category: "belysning",
        description: PLANTED,
        severity: 2,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("proxy-id-0001");
    expect(await lineOf("proxy-id-0001")).toMatchObject({
      level: "info",
      method: "POST",
      path: "/trpc",
      procedures: ["walks.addFinding"],
      status: 200,
      durationMs: expect.any(Number),
    });

    // A query's input travels in the query string: the line names the procedure only.
    const input = encodeURIComponent(JSON.stringify({ query: PLANTED }));
    const read = await fetch(`${url}/trpc/places.search?input=${input}`, {
      headers: headers("proxy-id-0002"),
    });
    expect(read.status).toBe(200);
    expect(await lineOf("proxy-id-0002")).toMatchObject({
      path: "/trpc",
      procedures: ["places.search"],
      status: 200,
    });

    // A name the router does not have is not repeated from the URL.
    const unknown = await fetch(`${url}/trpc/${encodeURIComponent(PLANTED)}`, {
      headers: headers("proxy-id-0003"),
    });
    expect(unknown.status).toBe(404);
    expect(await lineOf("proxy-id-0003")).toMatchObject({ procedures: ["unknown"], status: 404 });

    expect(lines.join("\n")).not.toContain("Planterad");
    expect(lines.join("\n")).not.toContain("Lindqvist");
  });

  it("replace an X-Request-Id that does not look like an id with one of their own", async () => {
    for (const incoming of ["lisa@example.org", "id with spaces", "x".repeat(65), "kort"]) {
      const response = await fetch(`${url}/trpc/auth.me`, { headers: headers(incoming) });
      const id = response.headers.get("x-request-id") ?? "";
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await lineOf(id)).toMatchObject({ procedures: ["auth.me"], status: 200 });
    }
    expect(lines.join("\n")).not.toContain("lisa@example.org");
  });

  it("give the request's id to the audit entries it writes", async () => {
    const response = await fetch(`${url}/trpc/walks.findings?input=${encodeURIComponent("{}")}`, {
      headers: headers("proxy-id-0004"),
    });
    expect(response.status).toBe(200);
    const entry = await testDb.db.auditEntry.findFirstOrThrow({ where: { requestId: "proxy-id-0004" } });
    expect(entry).toMatchObject({ action: "findings_read", workspaceId: expect.any(String) });
  });
});
