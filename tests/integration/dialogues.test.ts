import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredNotes } from "../../server/features/dialogues/dialogues.service.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];
let partner: Awaited<ReturnType<typeof loginAs>>["caller"];
let otherPartner: Awaited<ReturnType<typeof loginAs>>["caller"];
let viewer: Awaited<ReturnType<typeof loginAs>>["caller"];
const NOTES = "Anna (17) berättade att hon undviker gångtunneln efter skolan.";

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  partner = await demoCaller(testDb.db, "partner@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
  // A member of another organisation in the same workspace.
  const workspace = await testDb.db.workspace.findFirstOrThrow({ where: { slug: "est-borlange" } });
  const organization = await testDb.db.organization.create({
    data: { name: "Räddningstjänsten Dala Mitt", kind: "raddningstjanst" },
  });
  await testDb.db.workspaceOrganization.create({
    data: { workspaceId: workspace.id, organizationId: organization.id },
  });
  await createUser(testDb.db, {
    email: "brandman@dalamitt.example",
    memberships: [{ workspaceId: workspace.id, role: "member", organizationId: organization.id }],
  });
  ({ caller: otherPartner } = await loginAs(
    testDb.db,
    "brandman@dalamitt.example",
    TEST_PASSWORD,
    "est-borlange",
  ));
});

afterAll(async () => {
  await testDb?.close();
});

describe("dialogues", () => {
  it("records themes and keeps notes from other organisations' members and viewers", async () => {
    const dialogue = await partner.dialogues.create({
      kind: "medborgardialog",
      format: "fokusgrupp",
      startsAt: "2026-10-20T17:00:00+02:00",
      areaCode: "2081C1090",
      meetingPlace: "Mjälga fritidsgård",
    });
    await partner.dialogues.recordResults({
      dialogueId: dialogue.id,
      attendance: 14,
      themes: [
        { theme: "belysning", strength: 3, areaCodes: ["2081C1090"] },
        { theme: "ungdomsgang", strength: 2, areaCodes: [] },
      ],
      notes: NOTES,
    });
    const find = async (caller: typeof analyst) =>
      (await caller.dialogues.list()).find((d) => d.id === dialogue.id);
    expect((await find(partner))?.notes).toBe(NOTES);
    expect((await find(analyst))?.notes).toBe(NOTES);
    const hidden = await find(otherPartner);
    expect(hidden).toMatchObject({ notes: null, notesRestricted: true, attendance: 14 });
    expect(hidden?.themes.map((t) => [t.theme, t.strength, t.areas])).toEqual([
      ["belysning", 3, ["Mjälga-Centrum"]],
      ["ungdomsgang", 2, []],
    ]);
    expect((await find(viewer))?.notes).toBeNull();
    expect(JSON.stringify(await viewer.dialogues.list())).not.toContain("Anna");
    await expect(
      viewer.dialogues.create({
        kind: "medborgardialog",
        format: "enkat",
        startsAt: "2026-12-01T10:00:00+01:00",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Mjälga-Centrum: the demo's own dialogues are about other districts.
    const trend = await viewer.dialogues.themeTrend({
      areaCode: "2081C1090",
      until: "2026-11-22",
      quarters: 4,
    });
    expect(trend.quarters).toEqual(["2026-K1", "2026-K2", "2026-K3", "2026-K4"]);
    expect(trend.series.find((s) => s.theme === "belysning")).toEqual({
      theme: "belysning",
      dialogues: [0, 0, 0, 1],
      strength: [0, 0, 0, 3],
    });
    expect(trend.rising.map((r) => r.theme)).toEqual(["belysning", "ungdomsgang"]);
  });

  it("purges notes after the workspace's retention period, keeping themes and counts", async () => {
    const old = await analyst.dialogues.create({
      kind: "medarbetardialog",
      format: "stormote",
      startsAt: "2025-06-01T09:00:00+02:00",
    });
    await analyst.dialogues.recordResults({
      dialogueId: old.id,
      attendance: 40,
      themes: [{ theme: "narkotika", strength: 2, areaCodes: [] }],
      notes: "Personalen nämnde en namngiven elev.",
    });
    // Retention 365 days: a dialogue from June 2025 is past it on 22 November 2026; October 2026 is not.
    const purged = await purgeExpiredNotes(testDb.db, new Date("2026-11-22T12:00:00Z"));
    expect(purged).toBe(1);
    // The dialogues that have or had notes (the demo's own have none).
    const rows = await testDb.driver.query<{ notes: string | null; purged: boolean }>(
      `SELECT notes, notes_purged_at IS NOT NULL AS purged FROM dialogues
        WHERE notes IS NOT NULL OR notes_purged_at IS NOT NULL ORDER BY starts_at`,
    );
    expect(rows).toEqual([
      { notes: null, purged: true },
      { notes: NOTES, purged: false },
    ]);
    const stored = await testDb.driver.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM dialogues WHERE notes LIKE '%namngiven%'",
    );
    expect(stored[0]?.n).toBe(0);
    const listed = (await analyst.dialogues.list()).find((d) => d.id === old.id);
    expect(listed).toMatchObject({ notes: null, notesPurged: true, attendance: 40 });
    expect(listed?.themes).toHaveLength(1);
    // Running it again purges nothing more.
    expect(await purgeExpiredNotes(testDb.db, new Date("2026-11-22T12:00:00Z"))).toBe(0);
  });

  it("shows which themes rise in which areas, quarter by quarter", async () => {
    const hold = async (
      startsAt: string,
      themes: { theme: "trafik" | "narkotika"; strength: number; areaCodes: string[] }[],
    ) => {
      const dialogue = await partner.dialogues.create({
        kind: "medborgardialog",
        format: "stormote",
        startsAt,
        areaCode: "2081C1100",
      });
      await partner.dialogues.recordResults({ dialogueId: dialogue.id, attendance: 20, themes, notes: null });
    };
    await hold("2026-08-20T18:00:00+02:00", [{ theme: "trafik", strength: 1, areaCodes: [] }]);
    await hold("2026-10-15T18:00:00+02:00", [
      { theme: "trafik", strength: 3, areaCodes: [] },
      // About the whole kommun: it concerns every part of it.
      { theme: "narkotika", strength: 2, areaCodes: ["2081"] },
    ]);
    const kupolen = await viewer.dialogues.themeTrend({
      areaCode: "2081R005",
      until: "2026-11-22",
      quarters: 2,
    });
    expect(kupolen.quarters).toEqual(["2026-K3", "2026-K4"]);
    expect(kupolen.series.map((s) => [s.theme, s.strength])).toEqual([
      ["narkotika", [0, 2]],
      ["trafik", [1, 3]],
    ]);
    expect(kupolen.rising).toEqual([
      { theme: "narkotika", from: 0, to: 2 },
      { theme: "trafik", from: 1, to: 3 },
    ]);
    const mjalga = await viewer.dialogues.themeTrend({
      areaCode: "2081C1090",
      until: "2026-11-22",
      quarters: 2,
    });
    expect(mjalga.series.map((s) => s.theme)).toEqual(["belysning", "narkotika", "ungdomsgang"]);
    await expect(
      viewer.dialogues.themeTrend({ areaCode: "9999X", until: "2026-11-22" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets only an admin shorten the retention, which purges the notes now past it at once", async () => {
    const admin = await demoCaller(testDb.db, "admin@borlange.example");
    await expect(
      analyst.workspace.updateSettings({ notesRetentionDays: 30, surveyMinRespondents: 30 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.workspace.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admin.workspace.updateSettings({ notesRetentionDays: 5, surveyMinRespondents: 30 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const before = await testDb.driver.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM dialogues WHERE notes IS NOT NULL",
    );
    expect(before[0]?.n).toBeGreaterThan(0);
    // The October 2026 dialogue's notes are older than 30 days by now.
    const saved = await admin.workspace.updateSettings({ notesRetentionDays: 30, surveyMinRespondents: 30 });
    expect(saved).toMatchObject({ notesRetentionDays: 30, purgedNotes: before[0]?.n });
    const after = await testDb.driver.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM dialogues WHERE notes IS NOT NULL",
    );
    expect(after[0]?.n).toBe(0);
    expect(await admin.workspace.settings()).toEqual({ notesRetentionDays: 30, surveyMinRespondents: 30 });
  });
});
