import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { createDemoTestDb, demoCaller, outsiderCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// The lägesbild's life cycle on the demo workspace (data up to Sunday 15 November 2026):
// drafted live, published into a snapshot later data cannot move, insatser carried forward.
let testDb: TestDb;
type Caller = Awaited<ReturnType<typeof demoCaller>>;
let analyst: Caller;
let admin: Caller;
let member: Caller;
let viewer: Caller;

beforeAll(async () => {
  testDb = await createDemoTestDb();
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  admin = await demoCaller(testDb.db, "admin@borlange.example");
  member = await demoCaller(testDb.db, "partner@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

const orgId = async (name: string) =>
  (await testDb.db.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;

describe("the lägesbild for a period", () => {
  let firstId: string;
  let insatsIds: string[];

  it("opens as a draft assembled from the period's figures", async () => {
    const created = await analyst.lagesbild.create({ kind: "biweek", date: "2026-11-03" });
    expect(created.isNew).toBe(true);
    firstId = created.id;
    const again = await analyst.lagesbild.create({ kind: "biweek", date: "2026-11-05" });
    expect(again).toEqual({ id: firstId, isNew: false });
    const draft = await viewer.lagesbild.get({ id: firstId });
    expect(draft.status).toBe("draft");
    expect(draft.period.end).toBe("2026-11-08");
    const { figures } = draft.content;
    const direct = await analyst.overview.districtStats({ period: { kind: "biweek", date: "2026-11-03" } });
    expect(figures.total.count).toBe(direct.total.count);
    expect(figures.total.count).toBeGreaterThan(0);
    expect(figures.districts.map((d) => d.count)).toEqual(direct.rows.map((r) => r.count));
    expect(figures.categories.length).toBeGreaterThan(3);
    expect(draft.content.levels.map((l) => l.key)).toEqual(["normalt", "forhojt", "allvarligt"]);
  });

  it("takes statuses, an assessment, contributions and insatser from the roles allowed to give them", async () => {
    const draft = await analyst.lagesbild.get({ id: firstId });
    const [first, second] = draft.content.figures.districts;
    if (!first || !second) throw new Error("demo has districts");
    await analyst.lagesbild.setAreaStatus({
      id: firstId,
      areaId: first.areaId,
      level: "forhojt",
      justification: "Fler inbrott",
    });
    await analyst.lagesbild.setAreaStatus({
      id: firstId,
      areaId: second.areaId,
      level: "normalt",
      justification: "",
    });
    await expect(
      analyst.lagesbild.setAreaStatus({ id: firstId, areaId: first.areaId, level: "rod", justification: "" }),
    ).rejects.toThrow(/Unknown status level rod/);
    await analyst.lagesbild.setAssessment({ id: firstId, assessment: "Läget är i stort sett normalt." });
    await expect(viewer.lagesbild.setAssessment({ id: firstId, assessment: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      member.lagesbild.setAreaStatus({
        id: firstId,
        areaId: first.areaId,
        level: "allvarligt",
        justification: "",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const tunabyggen = await orgId("Tunabyggen");
    const polisen = await orgId("LPO Borlänge");
    await member.lagesbild.setContribution({
      id: firstId,
      organizationId: tunabyggen,
      text: "Två bränder i soprum.",
    });
    await expect(
      member.lagesbild.setContribution({
        id: firstId,
        organizationId: polisen,
        text: "Inget att rapportera.",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      viewer.lagesbild.setContribution({ id: firstId, organizationId: tunabyggen, text: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const finding = await testDb.db.walkFinding.findFirst({ select: { id: true } });
    const rise = draft.content.figures.rising[0] ?? {
      categoryCode: draft.content.figures.categories[0]?.code ?? "",
      areaCode: null,
    };
    const police = await analyst.lagesbild.createInsats({
      lagesbildId: firstId,
      title: "Områdespoliser kvällstid",
      problem: "Ökande bedrägerier mot äldre",
      areaIds: [first.areaId],
      organizationId: polisen,
      contactName: "Kommunpolis",
      startOn: "2026-11-09",
      endOn: "2026-11-13",
      recurrence: "tisdagar och torsdagar",
      resources: "två områdespoliser",
      linkedRises: [{ categoryCode: rise.categoryCode, areaCode: rise.areaCode }],
    });
    const housing = await analyst.lagesbild.createInsats({
      lagesbildId: firstId,
      title: "Byt belysning vid gångtunneln",
      areaIds: [second.areaId],
      organizationId: tunabyggen,
      startOn: "2026-11-09",
      linkedFindingIds: finding ? [finding.id] : [],
    });
    await expect(
      member.lagesbild.createInsats({ lagesbildId: firstId, title: "Egen insats", startOn: "2026-11-16" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Bad input is refused with the field named, and nothing is written.
    const before = await testDb.db.insats.count();
    await expect(
      analyst.lagesbild.createInsats({
        lagesbildId: firstId,
        title: "Bakvänd",
        startOn: "2026-11-20",
        endOn: "2026-11-10",
      }),
    ).rejects.toThrow(/Slutdatum före startdatum/);
    await expect(
      analyst.lagesbild.createInsats({
        lagesbildId: firstId,
        title: "Fel område",
        startOn: "2026-11-20",
        areaIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.db.insats.count()).toBe(before);
    insatsIds = [police.id, housing.id];
    const updated = await viewer.lagesbild.get({ id: firstId });
    expect(updated.content.statuses.map((s) => s.level).sort()).toEqual(["forhojt", "normalt"]);
    expect(updated.content.contributions).toEqual([
      { organizationId: tunabyggen, organizationName: "Tunabyggen", text: "Två bränder i soprum." },
    ]);
    expect(updated.content.insatser.map((i) => [i.title, i.isCarried])).toEqual([
      ["Byt belysning vid gångtunneln", false],
      ["Områdespoliser kvällstid", false],
    ]);
  });

  it("publishes a snapshot that later data does not move, and says what changed since", async () => {
    const before = await analyst.lagesbild.get({ id: firstId });
    await expect(member.lagesbild.publish({ id: firstId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await analyst.lagesbild.publish({ id: firstId })).toEqual({ version: 1 });
    const published = await viewer.lagesbild.get({ id: firstId });
    expect(published.status).toBe("published");
    expect(published.content.figures).toEqual(before.content.figures);
    expect(published.liveChanges).toEqual([]);

    // Later data arrives in the published period (a delivery, a late report).
    const [district] = before.content.figures.districts;
    const category = await testDb.db.category.findFirstOrThrow({
      where: { code: "1201" },
      select: { id: true },
    });
    const source = await testDb.db.dataSource.findFirstOrThrow({
      where: { kind: "synthetic" },
      select: { id: true },
    });
    const at = new Date("2026-11-04T10:00:00Z");
    await insertIncidents(
      testDb.db,
      (await testDb.db.workspace.findFirstOrThrow({ select: { id: true } })).id,
      Array.from({ length: 7 }, (_, i) => ({
        dataSourceId: source.id,
        externalId: `late-${i}`,
        categoryId: category.id,
        areaId: district?.areaId ?? null,
        occurredFrom: at,
        registeredAt: at,
        count: 1,
      })),
      "Europe/Stockholm",
    );
    const after = await viewer.lagesbild.get({ id: firstId });
    expect(after.content.figures.total.count).toBe(before.content.figures.total.count);
    expect(after.liveChanges).toContainEqual({
      label: "Totalt",
      published: before.content.figures.total.count,
      live: before.content.figures.total.count + 7,
    });
    await expect(
      analyst.lagesbild.setAssessment({ id: firstId, assessment: "ändrad" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Not even SQL behind the app's back changes a published snapshot.
    await expect(
      testDb.db.$executeRawUnsafe(`UPDATE lagesbild_snapshots SET content = '{}'`),
    ).rejects.toThrow();
    expect((await viewer.lagesbild.get({ id: firstId })).content.figures.total.count).toBe(
      before.content.figures.total.count,
    );
  });

  it("carries open insatser into the next period and closes none without återkoppling", async () => {
    const next = await analyst.lagesbild.create({ kind: "biweek", date: "2026-11-12" });
    const draft = await analyst.lagesbild.get({ id: next.id });
    expect(draft.previousId).toBe(firstId);
    const carried = draft.content.insatser;
    expect(carried.map((i) => i.id).sort()).toEqual([...insatsIds].sort());
    expect(carried.every((i) => i.isCarried && i.needsFollowUp)).toBe(true);
    expect(carried.find((i) => i.title.startsWith("Områdespoliser"))?.isOverdue).toBe(true);

    const [policeId = "", housingId = ""] = insatsIds;
    await expect(analyst.lagesbild.closeInsats({ insatsId: policeId, lagesbildId: next.id })).rejects.toThrow(
      /cannot be closed without a follow-up/,
    );
    // The housing company's insats: its own member gives återkoppling, another organisation's may not.
    await member.lagesbild.addFollowUp({
      insatsId: housingId,
      lagesbildId: next.id,
      whatDone: "Armaturer bytta",
      doneOn: "2026-11-13",
    });
    await expect(
      member.lagesbild.addFollowUp({
        insatsId: policeId,
        lagesbildId: next.id,
        whatDone: "Patrull",
        doneOn: "2026-11-13",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await analyst.lagesbild.closeInsats({
      insatsId: policeId,
      lagesbildId: next.id,
      followUp: { whatDone: "Sex kvällspass genomförda", doneOn: "2026-11-14", effect: "Färre anmälningar" },
    });
    const after = await viewer.lagesbild.get({ id: next.id });
    const byTitle = new Map(after.content.insatser.map((i) => [i.title, i]));
    expect(byTitle.get("Områdespoliser kvällstid")).toMatchObject({ status: "closed", needsFollowUp: false });
    expect(byTitle.get("Byt belysning vid gångtunneln")).toMatchObject({
      status: "open",
      needsFollowUp: false,
    });

    // The published first lägesbild still shows both open, as the meeting saw them.
    const first = await viewer.lagesbild.get({ id: firstId });
    expect(first.content.insatser.map((i) => i.status)).toEqual(["open", "open"]);

    await analyst.lagesbild.publish({ id: next.id });
    const snapshots = await viewer.lagesbild.snapshots();
    expect(snapshots).toHaveLength(2);
    const [newer, older] = snapshots;
    const compared = await viewer.lagesbild.compare({
      snapshotA: older?.id ?? "",
      snapshotB: newer?.id ?? "",
    });
    expect(compared.comparison.insatserClosed.map((i) => i.title)).toEqual(["Områdespoliser kvällstid"]);
    expect(compared.comparison.statusMoves.length).toBe(2);
    expect(compared.comparison.categories.length).toBeGreaterThan(0);
  });

  it("is read by every role and by no one outside the workspace", async () => {
    const list = await viewer.lagesbild.list();
    expect(list.lagesbilder.map((l) => l.status)).toEqual(["published", "published"]);
    expect(list.openInsatser).toBe(1);
    const outsider = await outsiderCaller(testDb.db);
    await expect(outsider.lagesbild.get({ id: firstId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.lagesbild.reopen({ id: firstId })).resolves.toBeUndefined();
    await expect(admin.lagesbild.reopen({ id: firstId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("analysis over time", () => {
  it("shows each area's levels across the published lägesbilder, the åtgärdsplan and its XLSX", async () => {
    const over = await viewer.lagesbild.overTime({ kind: "quarter", date: "2026-11-03" });
    expect(over.range).toEqual({ kind: "quarter", start: "2026-10-01", end: "2026-12-31" });
    expect(over.columns.map((c) => c.period.start)).toEqual(["2026-10-26", "2026-11-09"]);
    const levelled = over.strips.filter((strip) => strip.levels.some((level) => level !== null));
    expect(levelled.map((strip) => strip.levels)).toEqual(
      expect.arrayContaining([
        ["forhojt", null],
        ["normalt", null],
      ]),
    );
    expect(over.insatser.map((i) => [i.title, i.status])).toEqual(
      expect.arrayContaining([
        ["Områdespoliser kvällstid", "closed"],
        ["Byt belysning vid gångtunneln", "open"],
      ]),
    );

    const plan = await viewer.lagesbild.actionPlan();
    const police = plan.find((row) => row.title === "Områdespoliser kvällstid");
    expect(police).toMatchObject({ problem: "Ökande bedrägerier mot äldre", organization: "LPO Borlänge" });
    expect(police?.followUps.map((f) => f.whatDone)).toEqual(["Sex kvällspass genomförda"]);

    const file = await viewer.lagesbild.actionPlanXlsx();
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, "base64") as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Åtgärdsplan");
    const rows = (sheet?.getSheetValues() ?? []).slice(1) as unknown[][];
    expect(rows[0]?.slice(1, 3)).toEqual(["Problem", "Åtgärd (insats)"]);
    expect(rows.some((row) => row.includes("Områdespoliser kvällstid") && row.includes("Avslutad"))).toBe(
      true,
    );
  });

  it("measures an insats's effect against a comparison area, counted independently", async () => {
    const districts = (
      await analyst.lagesbild.get({ id: (await analyst.lagesbild.list()).lagesbilder[0]?.id ?? "" })
    ).content.figures.districts;
    const [own, other] = [...districts].sort((a, b) => b.count - a.count);
    if (!own?.code || !other?.code) throw new Error("demo districts have codes");
    const draft = await analyst.lagesbild.create({ kind: "biweek", date: "2026-10-01" });
    const insats = await analyst.lagesbild.createInsats({
      lagesbildId: draft.id,
      title: "Trygghetsvärdar",
      areaIds: [own.areaId],
      startOn: "2026-09-01",
    });
    const result = await viewer.lagesbild.effect({ insatsId: insats.id, comparisonAreaCodes: [other.code] });
    if (!result.windows || !result.effect) throw new Error(`no effect: ${result.reason}`);
    // The after window runs to the last day with data, not to today.
    const [last] = await testDb.db.$queryRawUnsafe<{ day: string }[]>(
      `SELECT MAX((registered_at AT TIME ZONE 'Europe/Stockholm')::date)::text AS day FROM incidents`,
    );
    expect(result.windows.after).toEqual({ start: "2026-09-01", end: last?.day });
    expect(result.windows.before.end).toBe("2026-08-31");
    const count = async (areaId: string, range: { start: string; end: string }) => {
      const [row] = await testDb.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COALESCE(SUM(count), 0)::int AS n FROM incidents
         WHERE area_id = $1::uuid AND (registered_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN $2::date AND $3::date`,
        areaId,
        range.start,
        range.end,
      );
      return row?.n ?? -1;
    };
    expect(result.effect.counts).toEqual({
      before: await count(own.areaId, result.windows.before),
      after: await count(own.areaId, result.windows.after),
      comparisonBefore: await count(other.areaId, result.windows.before),
      comparisonAfter: await count(other.areaId, result.windows.after),
    });
    expect(result.textSv).toMatch(/jämförelseområdet|för få händelser/);
    await expect(
      viewer.lagesbild.effect({ insatsId: insats.id, comparisonAreaCodes: [own.code] }),
    ).rejects.toThrow(/must not overlap/);
  });
});
