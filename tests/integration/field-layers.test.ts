import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../server/generated/prisma/client.ts";
import { addDays, toLocalDate } from "../../shared/calendar.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// Field input on the overview: the same period, district and filter bar as the incidents.
let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof demoCaller>>;
let partner: Awaited<ReturnType<typeof demoCaller>>;
let viewer: Awaited<ReturnType<typeof demoCaller>>;
const CENTRE = { lon: 15.449798, lat: 60.48153 }; // in DeSO 2081C1090 (RegSO 2081R008, Mjälga-Centrum)
const today = toLocalDate(new Date());
const thisWeek = { period: { kind: "week" as const, date: today } };
const SECRET = "Hemlig beskrivning med namn";
// The demo's own walks, reports and dialogues lie in other districts: here only this test's count.
const centre = { areaCodes: ["2081C1090"] };

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  partner = await demoCaller(testDb.db, "partner@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
  const add = (category: "belysning" | "klotter", offset: number) =>
    partner.walks.addFinding({
      walkId: null,
      lon: CENTRE.lon + offset,
      lat: CENTRE.lat,
      category,
      description: SECRET,
      severity: 2,
    });
  const first = await add("belysning", 0);
  await add("klotter", 0.001);
  await partner.walks.changeStatus({ findingId: first.id, status: "avvisad", reason: "Redan åtgärdat" });
  const report = await partner.reports.createPartner({
    category: "samling",
    ...CENTRE,
    occurredAt: new Date().toISOString(),
    description: SECRET,
    createsInsecurity: true,
    assessment: SECRET,
  });
  await analyst.reports.review({ reportId: report.id, decision: "approved" });
  const dialogue = await partner.dialogues.create({
    kind: "medborgardialog",
    format: "stormote",
    startsAt: new Date().toISOString(),
    areaCode: "2081C1090",
    meetingPlace: "Kulturhuset",
  });
  await partner.dialogues.recordResults({
    dialogueId: dialogue.id,
    attendance: 40,
    themes: [
      // About the RegSO: it reaches its DeSO district.
      { theme: "belysning", strength: 3, areaCodes: ["2081R008"] },
      // No areas of its own: the dialogue's district.
      { theme: "narkotika", strength: 1, areaCodes: [] },
    ],
    notes: SECRET,
  });
});

afterAll(async () => {
  await testDb?.close();
});

describe("field input in the picture", () => {
  it("counts findings, approved reports and themes per district, filtered like the map", async () => {
    const stats = await viewer.overview.districtStats(thisWeek);
    const centre = stats.rows.find((row) => row.code === "2081C1090");
    expect(centre).toMatchObject({ findings: 2, reports: 1, themes: 2 });
    expect(stats.total).toMatchObject({ findings: 2, reports: 1, themes: 2 });
    const open = await viewer.overview.districtStats({
      ...thisWeek,
      findingStatuses: ["ny"],
      themes: ["belysning"],
    });
    expect(open.rows.find((row) => row.code === "2081C1090")).toMatchObject({ findings: 1, themes: 1 });
    const elsewhere = await viewer.overview.districtStats({ ...thisWeek, areaCodes: ["2081R005"] });
    expect(elsewhere.total).toMatchObject({ findings: 0, reports: 0, themes: 0 });
  });

  it("gives the map points and theme marks without free text", async () => {
    const layers = await viewer.overview.fieldLayers({ ...thisWeek, findingStatuses: ["ny", "tilldelad"] });
    expect(layers.findings.map((finding) => [finding.category, finding.status])).toEqual([["klotter", "ny"]]);
    expect(layers.reports.map((report) => [report.category, report.kind, report.date])).toEqual([
      ["samling", "partner", today],
    ]);
    expect(layers.themes).toHaveLength(1);
    expect(layers.themes[0]?.code).toBe("2081C1090");
    expect(layers.themes[0]?.mentions).toEqual(
      expect.arrayContaining([
        { theme: "belysning", count: 1, strength: 3 },
        { theme: "narkotika", count: 1, strength: 1 },
      ]),
    );
    expect(JSON.stringify(layers)).not.toContain(SECRET);
    const lastYear = await viewer.overview.fieldLayers({
      period: { kind: "week", date: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}` },
      ...centre,
    });
    expect(lastYear.findings.length + lastYear.reports.length + lastYear.themes.length).toBe(0);
  });

  it("shows the findings still open at the period's end when asked, with their status then", async () => {
    // Both test findings were recorded 60 days ago; the lighting one was rejected today.
    const ours = Prisma.sql`SELECT id FROM walk_findings WHERE description = ${SECRET}`;
    await testDb.db.$executeRaw`UPDATE walk_findings SET created_at = created_at - interval '60 days'
      WHERE id IN (${ours})`;
    await testDb.db.$executeRaw`UPDATE finding_status_changes SET changed_at = changed_at - interval '60 days'
      WHERE from_status IS NULL AND finding_id IN (${ours})`;
    const recorded = await viewer.overview.fieldLayers(thisWeek);
    expect(recorded.findings).toEqual([]);
    // This week: the graffiti is still new; the rejected lighting finding is closed.
    const open = await viewer.overview.fieldLayers({ ...thisWeek, ...centre, findingScope: "open" });
    expect(open.findings.map((finding) => [finding.category, finding.status])).toEqual([["klotter", "ny"]]);
    // Last week both were open: the lighting finding shows the status it had then.
    const lastWeek = {
      period: { kind: "week" as const, date: addDays(today, -7) },
      ...centre,
      findingScope: "open" as const,
    };
    const before = await viewer.overview.fieldLayers(lastWeek);
    expect(before.findings.map((finding) => [finding.category, finding.status])).toEqual([
      ["belysning", "ny"],
      ["klotter", "ny"],
    ]);
    const stats = await viewer.overview.districtStats(lastWeek);
    expect(stats.rows.find((row) => row.code === "2081C1090")?.findings).toBe(2);
    // A status filter narrows the backlog; a closed status never matches it.
    expect(
      (await viewer.overview.fieldLayers({ ...lastWeek, findingStatuses: ["tilldelad"] })).findings,
    ).toEqual([]);
    expect(
      (
        await viewer.overview.fieldLayers({
          ...thisWeek,
          ...centre,
          findingScope: "open",
          findingStatuses: ["avvisad"],
        })
      ).findings,
    ).toEqual([]);
    // Before they were recorded there is nothing.
    const earlier = {
      period: { kind: "week" as const, date: addDays(today, -70) },
      ...centre,
      findingScope: "open" as const,
    };
    expect((await viewer.overview.fieldLayers(earlier)).findings).toEqual([]);
  });
});
