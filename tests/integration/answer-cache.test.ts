import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { answerByRole, answerCacheStats, readDataVersion, sharedAnswer } from "../../server/answer-cache.ts";
import { SESSION_DAYS } from "../../server/features/auth/session.service.ts";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { createCallerFactory, router, workspaceProcedure } from "../../server/trpc.ts";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG } from "../../prisma/factories/demo-workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller, outsiderCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// The dashboard's answer cache (docs/decisions/022): keyed by the workspace's data version, which
// triggers bump in every writing transaction; one computation for concurrent identical requests;
// a role never gets an answer made for another role.

/**
 * Tenant tables (they have workspace_id) whose writes do NOT bump the data version, and why. Every
 * other tenant table must carry the version triggers: a new table fails here until it is tracked
 * (`SELECT workspace_data_version_track('name')` in its migration) or listed with its reason.
 */
const UNTRACKED: Record<string, string> = {
  workspace_data_versions: "the version itself",
  daily_incident_counts: "derived from incidents in the same statement, whose triggers bump the version",
  weekly_category_counts: "derived from incidents in the same statement, whose triggers bump the version",
  weekly_area_counts: "derived from incidents in the same statement, whose triggers bump the version",
  replaced_incidents: "the undo archive; no cached answer reads it",
  replaced_survey_results: "the undo archive; no cached answer reads it",
  memberships: "roles are checked on every request and are part of the key, not of the answer",
  account_tokens: "invitation and reset links; no cached answer reads them",
  api_tokens: "import tokens (their last use is written on every use); no cached answer reads them",
  audit_log: "written by reads of restricted text; no cached answer reads it",
  notification_settings: "a member's own marks; no cached answer reads them",
  notification_reads: "a member's own marks; no cached answer reads them",
  workspace_sso_settings: "sign-in settings; no cached answer reads them",
  lagesbilder: "the meeting's document; no cached answer reads it, and drafting must not empty the cache",
  lagesbild_area_statuses: "part of the meeting's document; no cached answer reads it",
  lagesbild_contributions: "part of the meeting's document; no cached answer reads it",
  lagesbild_snapshots: "published versions of the meeting's document; no cached answer reads them",
  insatser: "part of the meeting's document; no cached answer reads it",
  insats_follow_ups: "part of the meeting's document; no cached answer reads it",
  medborgarloften: "medborgarlöften have their own public-page cache; no dashboard answer reads them",
  lofte_public_settings: "see medborgarloften",
  lofte_focus_areas: "see medborgarloften",
  lofte_activities: "see medborgarloften",
  lofte_progress: "see medborgarloften",
  lofte_activity_insatser: "see medborgarloften",
  lofte_effects: "see medborgarloften",
  oidc_identities: "single sign-on links of users; no cached answer reads them",
  oidc_sign_in_states: "sign-ins in progress; no cached answer reads them",
};

const PERIOD = { kind: "biweek" as const, date: "2026-11-03" };
const END = "2026-11-15";
let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof demoCaller>>;
let viewer: Awaited<ReturnType<typeof demoCaller>>;
let workspaceId: string;

beforeAll(async () => {
  testDb = await createDemoTestDb(END);
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
  workspaceId = (await testDb.db.workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).id;
});

afterAll(async () => {
  await testDb?.close();
});

const version = () => readDataVersion(testDb.db, workspaceId);

describe("the workspace data version", () => {
  it("is kept by triggers on every tenant table not listed as untracked", async () => {
    const tenant = await testDb.driver.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id'
         AND t.table_type = 'BASE TABLE' AND c.table_name NOT LIKE 'import_stage_%'
       ORDER BY 1`,
    );
    const triggers = await testDb.driver.query<{ table_name: string; events: string }>(
      `SELECT event_object_table AS table_name, string_agg(event_manipulation, ',' ORDER BY event_manipulation) AS events
       FROM information_schema.triggers
       WHERE trigger_schema = current_schema() AND trigger_name LIKE '%\\_data\\_version\\_%'
       GROUP BY 1`,
    );
    const tracked = new Map(triggers.map((row) => [row.table_name, row.events]));
    expect(tenant.length).toBeGreaterThan(20);
    const problems = tenant
      .map((row) => row.table_name)
      .filter((table) => !(table in UNTRACKED) && tracked.get(table) !== "DELETE,INSERT,UPDATE");
    expect(problems).toEqual([]);
    expect(tracked.get("incidents")).toBe("DELETE,INSERT,UPDATE");
    expect(tracked.get("workspaces")).toBe("UPDATE");
  });

  it("moves with a write, once per statement, and not with a read", async () => {
    const before = await version();
    await analyst.overview.districtStats({ period: PERIOD });
    await analyst.analysis.compstat({ period: PERIOD });
    expect(await version()).toBe(before);
    await testDb.driver.query(
      "UPDATE areas SET name = name || '' WHERE workspace_id = $1::uuid AND code IS NOT NULL",
      [workspaceId],
    );
    expect(BigInt(await version())).toBe(BigInt(before) + 1n);
    // A statement that changes no row leaves it alone.
    await testDb.driver.query("UPDATE areas SET name = name WHERE workspace_id = $1::uuid AND false", [
      workspaceId,
    ]);
    expect(BigInt(await version())).toBe(BigInt(before) + 1n);
  });
});

describe("cached dashboard answers", () => {
  it("serve a repeated question from the cache and a written change at once", async () => {
    const first = await analyst.overview.districtStats({ period: PERIOD });
    const afterFirst = answerCacheStats();
    const again = await analyst.overview.districtStats({ period: PERIOD });
    expect(again).toEqual(first);
    expect(answerCacheStats().hits).toBe(afterFirst.hits + 1);
    expect(answerCacheStats().misses).toBe(afterFirst.misses);

    const district = first.rows[0];
    if (!district) throw new Error("no district");
    const source = await testDb.db.dataSource.findFirstOrThrow({ where: { workspaceId } });
    const category = await testDb.db.category.findFirstOrThrow({
      where: { workspaceId, kind: "partner_event" },
    });
    await insertIncidents(
      testDb.db,
      workspaceId,
      [
        {
          dataSourceId: source.id,
          externalId: "cache-1",
          categoryId: category.id,
          areaId: district.areaId,
          occurredFrom: null,
          registeredAt: new Date("2026-11-03T10:00:00Z"),
          count: 7,
        },
      ],
      "Europe/Stockholm",
    );
    const after = await analyst.overview.districtStats({ period: PERIOD });
    const row = after.rows.find((candidate) => candidate.areaId === district.areaId);
    expect(row?.count).toBe(district.count + 7);
    expect(after.total.count).toBe(first.total.count + 7);
    // The other roles' callers read the same fresh answer.
    expect((await viewer.overview.districtStats({ period: PERIOD })).total.count).toBe(first.total.count + 7);
  });

  it("computes concurrent identical questions once", async () => {
    const input = { period: { kind: "quarter" as const, date: "2026-08-01" } };
    const before = answerCacheStats();
    const answers = await Promise.all(Array.from({ length: 6 }, () => analyst.analysis.compstat(input)));
    const after = answerCacheStats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.coalesced - before.coalesced + after.hits - before.hits).toBe(5);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("keys by the input whatever its key order, and by the workspace", async () => {
    const a = await analyst.analysis.risingNow({ period: PERIOD, dateBasis: "registered", groupBy: "area" });
    const before = answerCacheStats();
    const b = await analyst.analysis.risingNow({ groupBy: "area", dateBasis: "registered", period: PERIOD });
    expect(b).toEqual(a);
    expect(answerCacheStats().hits).toBe(before.hits + 1);
    // Another workspace asks the same question and gets its own (empty) picture.
    const outsider = await outsiderCaller(testDb.db);
    const theirs = await outsider.overview.districtStats({ period: PERIOD });
    expect(theirs.rows).toHaveLength(0);
  });

  it("never hands one role's answer to another role", async () => {
    // A procedure whose answer is what the role may see: analysts the free text, others counts.
    const secretRouter = router({
      notes: workspaceProcedure.input(z.object({ areaCode: z.string() })).query(
        answerByRole(async ({ db, workspace, role, input }) => {
          const area = await db.area.findFirstOrThrow({
            where: { workspaceId: workspace.id, code: input.areaCode },
          });
          return role === "analyst" || role === "admin"
            ? { name: area.name, secret: `note about ${area.name}` }
            : { name: area.name, secret: null };
        }),
      ),
    });
    const callerAs = async (email: string) => {
      const { token } = await loginAs(testDb.db, email, DEMO_DEFAULT_PASSWORD, DEMO_SLUG);
      return createCallerFactory(secretRouter)({
        db: testDb.db,
        sessionToken: token,
        workspaceSlug: DEMO_SLUG,
        clientIp: "127.0.0.1",
        sessionDays: SESSION_DAYS,
        setSessionCookie: () => undefined,
        clearSessionCookie: () => undefined,
      });
    };
    const analystNotes = await callerAs("analytiker@borlange.example");
    const viewerNotes = await callerAs("lasare@borlange.example");
    const area =
      (await testDb.db.area.findFirstOrThrow({ where: { workspaceId, code: { not: null } } })).code ?? "";
    const seenByAnalyst = await analystNotes.notes({ areaCode: area });
    expect(seenByAnalyst.secret).toContain("note about");
    const seenByViewer = await viewerNotes.notes({ areaCode: area });
    expect(seenByViewer.secret).toBeNull();
    expect(seenByViewer.name).toBe(seenByAnalyst.name);
  });

  it("gives a shared answer's computation no role or actor to depend on", async () => {
    const seen: string[][] = [];
    const probe = sharedAnswer(async (scope: object, input: unknown) => {
      seen.push([...Object.keys(scope).sort(), typeof input]);
      return 1;
    });
    const workspace = (await testDb.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })) as never;
    await probe({
      ctx: { db: testDb.db, workspace, role: "admin" },
      input: { unique: Math.random() },
      path: "probe",
    });
    expect(seen).toEqual([["db", "workspace", "object"]]);
  });
});
