import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { sharedAnswer } from "../../server/answer-cache.ts";
import { createApp } from "../../server/app.ts";
import { createHttpContextFactory, createRequestCallerReader } from "../../server/context.ts";
import { createFastAnswers } from "../../server/fast-answers.ts";
import { roleProcedure, router, workspaceProcedure } from "../../server/trpc.ts";
import { toLocalDate } from "../../shared/calendar.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// Cached answers served in front of tRPC (server/fast-answers.ts, decisions/022): the same bytes
// tRPC sends, and the same refusals, because who may have an answer is still decided per request
// and only replayed for a role tRPC itself has served.

const SLUG = "est-snabbsvar";
const TODAY = toLocalDate(new Date());
const FILTER = { period: { kind: "biweek", date: TODAY }, today: TODAY };

let testDb: TestDb;
let workspaceId: string;
const servers: http.Server[] = [];

async function listen(server: http.Server) {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function signIn(base: string, email: string) {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("est_session="));
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0] ?? "";
}

async function get(target: string, cookie: string) {
  const response = await fetch(target, { headers: { cookie, "x-est-workspace": SLUG } });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  testDb = await createTestDb();
  workspaceId = (await createWorkspace(testDb.db, { name: "EST Snabbsvar", slug: SLUG })).id;
  for (const [email, role] of [
    ["analytiker@snabbsvar.example", "analyst"],
    ["lasare@snabbsvar.example", "viewer"],
  ] as const)
    await createUser(testDb.db, { email, memberships: [{ workspaceId, role }] });
  await createBorlangeAreas(testDb.db, workspaceId);
  await createCategoryTree(testDb.db, workspaceId);
}, 120_000);

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await testDb?.close();
});

describe("cached answers in front of tRPC", () => {
  it("are the bytes tRPC sends, for one call and for the overview's batch", async () => {
    const app = await listen(
      createApp({ db: testDb.db, cookies: { secure: "false" }, config: { mapStyleUrl: null } }),
    );
    const cookie = await signIn(app, "analytiker@snabbsvar.example");
    const single = `${app}/trpc/analysis.compstat?input=${encodeURIComponent(JSON.stringify(FILTER))}`;
    const procedures = ["overview.districtStats", "overview.weeklyTrend", "analysis.risingNow"];
    const inputs = { 0: FILTER, 1: { ...FILTER, weeks: 52 }, 2: FILTER };
    const batch = `${app}/trpc/${procedures.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
    for (const target of [single, batch]) {
      const byTrpc = await get(target, cookie);
      expect(byTrpc.status).toBe(200);
      const fromCache = await get(target, cookie);
      expect(fromCache).toEqual(byTrpc);
    }
    // Inputs that differ only in key order are the same question.
    const reordered = `${app}/trpc/analysis.compstat?input=${encodeURIComponent(JSON.stringify({ today: TODAY, period: FILTER.period }))}`;
    expect((await get(reordered, cookie)).text).toBe((await get(single, cookie)).text);
    // A bad input is tRPC's to refuse, cached or not.
    const bad = `${app}/trpc/analysis.compstat?input=${encodeURIComponent(JSON.stringify({ ...FILTER, today: "igår" }))}`;
    expect((await get(bad, cookie)).status).toBe(400);
  });

  it("replay only what tRPC allowed: a role tRPC refused is refused every time, and a session ends at once", async () => {
    let outputParses = 0;
    const Output = z.object({ figure: z.number() });
    const testRouter = router({
      forAnalysts: roleProcedure(["analyst"])
        .input(z.object({ n: z.number() }))
        .output({
          parse: (value: unknown) => {
            outputParses++;
            return Output.parse(value);
          },
        })
        .query(sharedAnswer(async (_, input) => ({ figure: input.n * 2, extra: "not in the output" }))),
      forEveryone: workspaceProcedure
        .input(z.object({ n: z.number() }))
        .query(sharedAnswer(async (_, input) => ({ figure: input.n }))),
    });
    const trpc = createHTTPHandler({
      router: testRouter,
      basePath: "/trpc/",
      createContext: createHttpContextFactory(testDb.db, { cookies: { secure: "false" } }),
    });
    const fast = createFastAnswers({
      db: testDb.db,
      router: testRouter,
      callerOf: createRequestCallerReader(testDb.db, {}),
    });
    const base = await listen(
      http.createServer((req, res) => {
        void fast(req, res).then((isAnswered) => isAnswered || trpc(req, res));
      }),
    );
    const app = await listen(
      createApp({ db: testDb.db, cookies: { secure: "false" }, config: { mapStyleUrl: null } }),
    );
    const analyst = await signIn(app, "analytiker@snabbsvar.example");
    const viewer = await signIn(app, "lasare@snabbsvar.example");
    const target = (procedure: string, n = 21) =>
      `${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ n }))}`;

    const first = await get(target("forAnalysts"), analyst);
    expect(first).toEqual({ status: 200, text: '{"result":{"data":{"figure":42}}}' });
    expect(outputParses).toBe(1);
    for (let i = 0; i < 5; i++) expect(await get(target("forAnalysts"), analyst)).toEqual(first);
    // Served from the cache: the output was checked once more, to make the kept body, and not per request.
    expect(outputParses).toBe(2);

    // The viewer's role was never let through by tRPC, so the cached answer is never replayed to it.
    for (let i = 0; i < 3; i++) expect((await get(target("forAnalysts"), viewer)).status).toBe(403);
    // No cookie, or one for a session that has ended: refused at once, with the answer in the cache.
    expect((await get(target("forAnalysts"), "")).status).toBe(401);
    await testDb.driver.exec(
      "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'analytiker@snabbsvar.example')",
    );
    expect((await get(target("forAnalysts"), analyst)).status).toBe(401);

    // A procedure every role may call: once tRPC has served the viewer, the viewer's next call is replayed.
    expect(await get(target("forEveryone", 5), viewer)).toEqual({
      status: 200,
      text: '{"result":{"data":{"figure":5}}}',
    });
    await testDb.driver.exec(
      `UPDATE memberships SET deactivated_at = now() WHERE user_id = (SELECT id FROM users WHERE email = 'lasare@snabbsvar.example')`,
    );
    expect((await get(target("forEveryone", 5), viewer)).status).toBe(403);
  });
});
