import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { createApp } from "../../server/app.ts";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { toLocalDate } from "../../shared/calendar.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// Who is calling is read once per HTTP request of queries and shared by its batch
// (server/request-caller.ts, decisions/022): one query for session, membership and data version.
// Every request still reads it afresh: a session ended or a membership deactivated is refused at
// the next request, and the answer cache sees the version of the request's own start.

const SLUG = "est-anropare";
const TODAY = toLocalDate(new Date());
const FILTER = { period: { kind: "biweek", date: TODAY }, today: TODAY };

let testDb: TestDb;
let workspaceId: string;
let server: ReturnType<typeof createApp>;
let url: string;
const statements: string[] = [];

async function signIn(email: string) {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("est_session="));
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0] ?? "";
}

const batchUrl = (procedures: string[]) =>
  `${url}/trpc/${procedures.join(",")}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(procedures.map((_, i) => [i, FILTER]))),
  )}`;

async function get(target: string, cookie: string) {
  const response = await fetch(target, { headers: { cookie, "x-est-workspace": SLUG } });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The SQL the raw driver ran while `run` ran. */
async function statementsOf(run: () => Promise<unknown>) {
  statements.length = 0;
  await run();
  return [...statements];
}

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  workspaceId = (await createWorkspace(db, { name: "EST Anropare", slug: SLUG })).id;
  for (const [email, role] of [
    ["analytiker@anropare.example", "analyst"],
    ["lasare@anropare.example", "viewer"],
    ["utgaende@anropare.example", "viewer"],
  ] as const)
    await createUser(db, { email, memberships: [{ workspaceId, role }] });
  await createBorlangeAreas(db, workspaceId);
  await createCategoryTree(db, workspaceId);
  const query = testDb.driver.query.bind(testDb.driver);
  testDb.driver.query = (sql, params) => {
    statements.push(sql);
    return query(sql, params);
  };
  server = createApp({ db, cookies: { secure: "false" }, config: { mapStyleUrl: null } });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.close();
});

describe("the caller of a request of queries", () => {
  it("is read in one query for a batch of four: session, membership and data version together", async () => {
    const cookie = await signIn("analytiker@anropare.example");
    const procedures = [
      "overview.districtStats",
      "overview.fieldLayers",
      "analysis.risingNow",
      "analysis.risingOverTime",
    ];
    await get(batchUrl(procedures), cookie);
    const sql = await statementsOf(async () => {
      const { status, body } = await get(batchUrl(procedures), cookie);
      expect(status).toBe(200);
      expect((body as unknown[]).length).toBe(4);
    });
    expect(sql.filter((s) => /\bFROM sessions\b/.test(s))).toHaveLength(1);
    expect(sql.filter((s) => /\bFROM memberships\b/.test(s))).toHaveLength(0);
    expect(sql.filter((s) => /\bFROM workspace_data_versions\b/.test(s))).toHaveLength(0);
    // The answers were cached on the first request: nothing else runs.
    expect(sql).toHaveLength(1);
  });

  it("keys the answer by the version read at the request's start: a write shows at the next request", async () => {
    const cookie = await signIn("lasare@anropare.example");
    const target = batchUrl(["overview.districtStats"]);
    const before = JSON.stringify((await get(target, cookie)).body);
    const { db } = testDb;
    const source = await db.dataSource.create({ data: { workspaceId, kind: "synthetic", name: "Källa" } });
    const category = await db.category.findFirstOrThrow({ where: { workspaceId, code: "P-KLOTTER" } });
    const area = await db.area.findFirstOrThrow({ where: { workspaceId, code: "2081C1140" } });
    const at = new Date(`${TODAY}T10:00:00Z`);
    await insertIncidents(
      db,
      workspaceId,
      Array.from({ length: 7 }, (_, i) => ({
        dataSourceId: source.id,
        externalId: `anropare-${i}`,
        categoryId: category.id,
        areaId: area.id,
        occurredFrom: at,
        registeredAt: at,
        count: 1,
      })),
      "Europe/Stockholm",
    );
    expect(JSON.stringify((await get(target, cookie)).body)).not.toBe(before);
  });

  it("is read afresh by every request: a deactivated membership and an ended session are refused at once", async () => {
    const cookie = await signIn("utgaende@anropare.example");
    const target = batchUrl(["overview.districtStats", "overview.fieldLayers"]);
    expect((await get(target, cookie)).status).toBe(200);
    await testDb.driver.exec(
      `UPDATE memberships SET deactivated_at = now() WHERE workspace_id = '${workspaceId}'
         AND user_id = (SELECT id FROM users WHERE email = 'utgaende@anropare.example')`,
    );
    const refused = await get(target, cookie);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain("WORKSPACE_REQUIRED");
    // The session itself is still good outside the workspace, until it is ended.
    const me = `${url}/trpc/auth.me`;
    expect((await fetch(me, { headers: { cookie } })).status).toBe(200);
    await testDb.driver.exec(
      `DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'utgaende@anropare.example')`,
    );
    expect((await get(target, cookie)).status).toBe(401);
    expect((await fetch(me, { headers: { cookie } })).status).toBe(401);
  });
});
