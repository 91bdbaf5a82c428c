import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { PUBLIC_PAGE_LIMIT } from "../../server/features/medborgarlofte/public-page.service.ts";
import { toLocalDate } from "../../shared/calendar.ts";
import { callerFor, loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller, outsiderCaller } from "../support/demo.ts";
import { addIncidents as addIncidentsTo } from "../support/incidents.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// Medborgarlöften (decisions/016) on a workspace of their own: a 2026 promise whose progress is
// read as of fixed days and checked against figures worked out by hand, the roles that may write
// it, and the public page for this year's promise, read without a session.
type Caller = Awaited<ReturnType<typeof loginAs>>["caller"];

let testDb: TestDb;
let workspaceId: string;
const org = { kommun: "", tunabyggen: "", polis: "" };
let admin: Caller;
let analyst: Caller;
let member: Caller;
let kommunMember: Caller;
let viewer: Caller;

const SLUG = "est-borlange";
const CENTRE = "2081C1090";
const TJARNA = "2081C1140";
const FORBIDDEN = { code: "FORBIDDEN" };
const NOT_OWNER = { ...FORBIDDEN, cause: { code: "NOT_OWNER" } };
const NOT_FOUND = { code: "NOT_FOUND" };
const TODAY = toLocalDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));

const addIncidents = (categoryCode: string, areaCode: string, day: string, count: number, tag: string) =>
  addIncidentsTo(testDb.db, workspaceId, { categoryCode, areaCode, day, count, tag });

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  workspaceId = (await createWorkspace(db, { name: "EST Borlänge", slug: SLUG, meetingAnchor: "2024-01-08" }))
    .id;
  const organization = (name: string, kind: "kommun" | "bostadsbolag" | "polis") =>
    createOrganization(db, { name, kind, workspaceIds: [workspaceId] });
  org.kommun = (await organization("Borlänge kommun", "kommun")).id;
  org.tunabyggen = (await organization("Tunabyggen", "bostadsbolag")).id;
  org.polis = (await organization("LPO Borlänge", "polis")).id;
  const users: [string, "admin" | "analyst" | "member" | "viewer", string][] = [
    ["admin@borlange.example", "admin", org.kommun],
    ["analytiker@polisen.example", "analyst", org.polis],
    ["bovard@tunabyggen.example", "member", org.tunabyggen],
    ["fritid@borlange.example", "member", org.kommun],
    ["lasare@tunabyggen.example", "viewer", org.tunabyggen],
  ];
  for (const [email, role, organizationId] of users)
    await createUser(db, { email, memberships: [{ workspaceId, role, organizationId }] });
  await createBorlangeAreas(db, workspaceId);
  await createCategoryTree(db, workspaceId);
  const login = async (email: string) => (await loginAs(db, email, TEST_PASSWORD, SLUG)).caller;
  admin = await login("admin@borlange.example");
  analyst = await login("analytiker@polisen.example");
  member = await login("bovard@tunabyggen.example");
  kommunMember = await login("fritid@borlange.example");
  viewer = await login("lasare@tunabyggen.example");
  await admin.imports.surveys({
    fileName: "trygghetsmatning.csv",
    contentBase64: Buffer.from(
      [
        "Indikator;Område;År;Värde;Intervall;Svarande",
        "Problemindex;2081R008;2024;3,4;±0,3;200",
        "Problemindex;2081R008;2026;2,8;±0,2;250",
      ].join("\n"),
    ).toString("base64"),
    kind: "trygghetsmatning",
    surveyName: "Polisens trygghetsmätning",
  });
  // Klotter in the centre: 20 in the baseline year, 8 in 2026, both in March.
  await addIncidents("P-KLOTTER", CENTRE, "2025-03-10", 20, "baseline");
  await addIncidents("P-KLOTTER", CENTRE, "2026-03-10", 8, "current");
});

afterAll(async () => {
  await testDb?.close();
});

describe("a 2026 promise followed by the EST group", () => {
  let promiseId: string;
  let focusAreaId: string;
  const activity = { walks: "", hosts: "", presence: "", fraud: "" };
  let insatsId: string;

  it("is written by analysts, with what it was based on, a fokusområde and activities", async () => {
    const dialogue = await member.dialogues.create({
      kind: "medborgardialog",
      format: "stormote",
      startsAt: "2025-10-07T18:00:00+02:00",
      areaCode: CENTRE,
      meetingPlace: "Biblioteket",
    });
    const surveyId = (await testDb.db.dataSource.findFirstOrThrow({ where: { kind: "survey" } })).id;
    const lagesbild = await analyst.lagesbild.create({ date: "2025-11-03" });
    promiseId = (
      await analyst.medborgarlofte.create({
        title: "Medborgarlöfte 2026 för Borlänge",
        text: "Vi lovar att synas mer i centrum och i Tjärna Ängar.",
        startYear: 2026,
        endYear: 2026,
        organizationIds: [org.kommun, org.polis],
        signatories: ["Kommunstyrelsens ordförande", "Lokalpolisområdeschef"],
        areaCodes: [CENTRE, TJARNA],
        basedOn: {
          dialogueIds: [dialogue.id],
          themes: ["belysning", "ungdomsgang"],
          lagesbildIds: [lagesbild.id],
          surveys: [{ dataSourceId: surveyId, indicator: "Problemindex" }],
        },
      })
    ).id;
    focusAreaId = (await analyst.medborgarlofte.addFocusArea({ promiseId, title: "Bedrägerier mot äldre" }))
      .id;
    const add = (input: Omit<Parameters<Caller["medborgarlofte"]["addActivity"]>[0], "promiseId">) =>
      analyst.medborgarlofte.addActivity({ promiseId, ...input }).then((a) => a.id);
    activity.walks = await add({
      title: "Minst åtta gemensamma trygghetsvandringar",
      target: { kind: "count", count: 8 },
      unit: "trygghetsvandringar",
      organizationIds: [org.tunabyggen],
      areaCodes: [CENTRE],
    });
    activity.hosts = await add({
      title: "Trygghetsvärdar i Tjärna Ängar",
      target: { kind: "frequency", every: 2, per: "week" },
      unit: "kvällar",
      organizationIds: [org.tunabyggen],
    });
    activity.presence = await add({
      title: "Synlig polis i centrum",
      target: { kind: "description", text: "Fotpatrull i centrum fredagskvällar" },
      organizationIds: [org.polis],
    });
    activity.fraud = await add({
      focusAreaId,
      title: "Informationsträffar om bedrägerier mot äldre",
      target: { kind: "count", count: 6 },
      unit: "träffar",
      organizationIds: [org.polis, org.kommun],
    });
    const view = await viewer.medborgarlofte.get({ id: promiseId, asOf: "2026-07-01" });
    expect(view.organizations.map((o) => o.name).sort()).toEqual(["Borlänge kommun", "LPO Borlänge"]);
    expect(view.areas.map((a) => a.code)).toEqual([CENTRE, TJARNA]);
    expect(view.basedOn.dialogues).toEqual([
      expect.objectContaining({ date: "2025-10-07", meetingPlace: "Biblioteket", kind: "medborgardialog" }),
    ]);
    expect(view.basedOn.lagesbilder.map((l) => l.periodStart)).toEqual(["2025-10-27"]);
    expect(view.basedOn.surveys).toEqual([
      { dataSourceId: surveyId, indicator: "Problemindex", name: "Polisens trygghetsmätning" },
    ]);
    expect(view.themes).toEqual(["belysning", "ungdomsgang"]);
    expect(view.activities.map((a) => a.period)).toEqual(
      Array(4).fill({ start: "2026-01-01", end: "2026-12-31" }),
    );
    expect(view.activities.find((a) => a.id === activity.fraud)?.focusAreaId).toBe(focusAreaId);
    expect(view.permissions).toEqual({ canEdit: false, canPublish: false });
    expect(view.activities.every((a) => !a.canRecord)).toBe(true);
  });

  it("takes progress from the responsible organisation's members, analysts and a linked insats", async () => {
    const progress = (
      activityId: string,
      doneOn: string,
      quantity = 1,
      participants: number | null = null,
    ) => ({
      activityId,
      doneOn,
      quantity,
      participants,
      areaCode: CENTRE,
      whatDone: "Vandring med boende och fastighetsvärdar",
    });
    for (const day of ["2026-02-10", "2026-05-05", "2026-08-01"])
      await member.medborgarlofte.addProgress(progress(activity.walks, day, 1, 14));
    await member.medborgarlofte.addProgress(progress(activity.hosts, "2026-03-19", 6));
    await member.medborgarlofte.addProgress(progress(activity.hosts, "2026-05-14", 4));
    await analyst.medborgarlofte.addProgress(progress(activity.presence, "2026-03-01"));
    await analyst.medborgarlofte.addProgress(progress(activity.presence, "2026-09-01"));
    const draft = await analyst.lagesbild.create({ date: "2026-05-20" });
    insatsId = (
      await analyst.lagesbild.createInsats({
        lagesbildId: draft.id,
        title: "Extra trygghetsvandring efter bränder",
        organizationId: org.tunabyggen,
        startOn: "2026-06-01",
      })
    ).id;
    await member.medborgarlofte.linkInsats({ activityId: activity.walks, insatsId });
    // Linking twice is still one link.
    await member.medborgarlofte.linkInsats({ activityId: activity.walks, insatsId });
    const view = await member.medborgarlofte.get({ id: promiseId, asOf: "2026-07-01" });
    const walks = view.activities.find((a) => a.id === activity.walks);
    expect(walks?.canRecord).toBe(true);
    expect(view.activities.find((a) => a.id === activity.fraud)?.canRecord).toBe(false);
    expect(walks?.insatser.map((i) => i.title)).toEqual(["Extra trygghetsvandring efter bränder"]);
    expect(walks?.entries.map((e) => e.organizationName)).toEqual(Array(3).fill("Tunabyggen"));
  });

  it("measures each activity against the part of the year that has passed", async () => {
    const at = async (asOf: string) =>
      new Map(
        (await viewer.medborgarlofte.get({ id: promiseId, asOf })).activities.map((a) => [a.id, a.progress]),
      );
    const july = await at("2026-07-01");
    // 1 July is day 182 of 365. Walks: February, May and the insats of 1 June = 3; 8 × 182/365 = 3.99 due, 3 whole.
    expect(july.get(activity.walks)).toEqual({
      target: 8,
      done: 3,
      elapsedShare: 182 / 365,
      expected: (8 * 182) / 365,
      share: 3 / 8,
      status: "on_track",
    });
    // Every other week is 26 evenings a year; 26 × 182/365 = 12.96 due, 12 whole, 10 done.
    expect(july.get(activity.hosts)).toMatchObject({ target: 26, done: 10, status: "behind" });
    expect(july.get(activity.hosts)?.expected).toBeCloseTo(12.9644, 4);
    expect(july.get(activity.presence)).toMatchObject({ target: null, done: 1, status: "unmeasured" });
    // Six meetings, none held: 6 × 182/365 = 2.99 due, 2 whole.
    expect(july.get(activity.fraud)).toMatchObject({ target: 6, done: 0, status: "behind" });
    // 15 November is day 319: 8 × 319/365 = 6.99 due, 6 whole; four done (August too).
    expect((await at("2026-11-15")).get(activity.walks)).toMatchObject({ done: 4, status: "behind" });
    expect((await at("2025-12-31")).get(activity.walks)).toMatchObject({ done: 0, status: "not_started" });
    await member.medborgarlofte.unlinkInsats({ activityId: activity.walks, insatsId });
    expect((await at("2026-07-01")).get(activity.walks)).toMatchObject({ done: 2, status: "behind" });
    await member.medborgarlofte.linkInsats({ activityId: activity.walks, insatsId });
  });

  it("refuses writes by roles and organisations that may not make them", async () => {
    const entry = {
      activityId: activity.walks,
      doneOn: "2026-06-10",
      whatDone: "Vandring i centrum",
    };
    await expect(viewer.medborgarlofte.addProgress(entry)).rejects.toMatchObject(FORBIDDEN);
    await expect(kommunMember.medborgarlofte.addProgress(entry)).rejects.toMatchObject(NOT_OWNER);
    await expect(
      kommunMember.medborgarlofte.linkInsats({ activityId: activity.walks, insatsId }),
    ).rejects.toMatchObject(NOT_OWNER);
    // The kommun shares the fraud meetings with the police: its member records them.
    const own = await kommunMember.medborgarlofte.addProgress({
      activityId: activity.fraud,
      doneOn: "2026-06-10",
      whatDone: "Träff på Mötesplats Tjärna",
      participants: 22,
    });
    const tunabyggensEntry = await member.medborgarlofte.addProgress(entry);
    await expect(
      kommunMember.medborgarlofte.removeProgress({ progressId: tunabyggensEntry.id }),
    ).rejects.toMatchObject(NOT_OWNER);
    await member.medborgarlofte.removeProgress({ progressId: tunabyggensEntry.id });
    await analyst.medborgarlofte.removeProgress({ progressId: own.id });
    await expect(
      member.medborgarlofte.create({ title: "Eget löfte", startYear: 2026, endYear: 2026 }),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect(
      member.medborgarlofte.addActivity({
        promiseId,
        title: "Egen aktivitet",
        target: { kind: "count", count: 2 },
      }),
    ).rejects.toMatchObject(FORBIDDEN);
    await expect(analyst.medborgarlofte.publish({ id: promiseId, isPublished: true })).rejects.toMatchObject(
      FORBIDDEN,
    );
    await expect(
      callerFor(testDb.db, { workspace: SLUG }).caller.medborgarlofte.get({ id: promiseId }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const outsider = await outsiderCaller(testDb.db);
    await expect(outsider.medborgarlofte.get({ id: promiseId })).rejects.toMatchObject(NOT_FOUND);
    await expect(
      outsider.medborgarlofte.addActivity({
        promiseId,
        title: "Intrång",
        target: { kind: "count", count: 1 },
      }),
    ).rejects.toMatchObject(NOT_FOUND);
  });

  it("refuses inputs that do not hold together", async () => {
    await expect(
      analyst.medborgarlofte.create({ title: "Baklänges", startYear: 2027, endYear: 2026 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      analyst.medborgarlofte.create({
        title: "Okänt område",
        startYear: 2026,
        endYear: 2026,
        areaCodes: ["9999X"],
      }),
    ).rejects.toMatchObject(NOT_FOUND);
    const other = await analyst.medborgarlofte.create({
      title: "Ett annat löfte",
      startYear: 2026,
      endYear: 2026,
    });
    await expect(
      analyst.medborgarlofte.addActivity({
        promiseId: other.id,
        focusAreaId,
        title: "Fel fokusområde",
        target: { kind: "count", count: 1 },
      }),
    ).rejects.toMatchObject(NOT_FOUND);
    const falun = await createOrganization(testDb.db, {
      name: "Falu kommun",
      kind: "kommun",
      workspaceIds: [],
    });
    await expect(
      analyst.medborgarlofte.addActivity({
        promiseId,
        title: "Annan kommuns ansvar",
        target: { kind: "count", count: 1 },
        organizationIds: [falun.id],
      }),
    ).rejects.toMatchObject(NOT_FOUND);
    await expect(
      analyst.medborgarlofte.addActivity({
        promiseId,
        title: "Omvänd period",
        target: { kind: "count", count: 1 },
        periodStart: "2026-06-01",
        periodEnd: "2026-05-01",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("reads its expected effects: a survey indicator and incidents, with their uncertainty", async () => {
    const surveyId = (await testDb.db.dataSource.findFirstOrThrow({ where: { kind: "survey" } })).id;
    await analyst.medborgarlofte.addEffect({
      promiseId,
      description: "Färre upplevda problem i Mjälga",
      desiredDirection: "decrease",
      baselineYear: 2024,
      areaCode: "2081R008",
      indicator: { kind: "survey", dataSourceId: surveyId, indicator: "Problemindex" },
    });
    await analyst.medborgarlofte.addEffect({
      promiseId,
      description: "Mindre klotter i centrum",
      desiredDirection: "decrease",
      baselineYear: 2025,
      areaCode: CENTRE,
      indicator: { kind: "incidents", categoryCode: "P-KLOTTER" },
    });
    await expect(
      analyst.medborgarlofte.addEffect({
        promiseId,
        description: "Okänd indikator",
        desiredDirection: "increase",
        baselineYear: 2024,
        areaCode: "2081R008",
        indicator: { kind: "survey", dataSourceId: surveyId, indicator: "Finns inte" },
      }),
    ).rejects.toMatchObject(NOT_FOUND);
    const [survey, incidents] = (await viewer.medborgarlofte.get({ id: promiseId, asOf: "2026-07-01" }))
      .effects;
    // 2.8 − 3.4 = −0.6; half width √(0.3² + 0.2²) = 0.3606: wholly below zero.
    expect(survey?.measured).toMatchObject({
      kind: "survey",
      baseline: { year: 2024, value: 3.4 },
      latest: { year: 2026, value: 2.8 },
      direction: "as_desired",
      change: { verdict: "decrease" },
    });
    if (survey?.measured.kind !== "survey") throw new Error("a survey effect");
    expect(survey.measured.change?.difference).toBeCloseTo(-0.6, 10);
    expect(survey.measured.change?.interval?.upper).toBeCloseTo(-0.6 + Math.hypot(0.3, 0.2), 10);
    // 8 against 20 over the same days: ratio 0.4, interval 0.4 × exp(±1.96 √(1/20 + 1/8)).
    if (incidents?.measured.kind !== "incidents") throw new Error("an incident effect");
    expect(incidents.measured.baseline?.count).toBe(20);
    expect(incidents.measured.current?.count).toBe(8);
    expect(incidents.measured.percentChange).toBeCloseTo(-60, 10);
    expect(incidents.measured.percentInterval?.upper).toBeCloseTo(
      (0.4 * Math.exp(1.959963984540054 * Math.sqrt(1 / 20 + 1 / 8)) - 1) * 100,
      8,
    );
    expect(incidents.measured.direction).toBe("as_desired");
    const removable = await analyst.medborgarlofte.addEffect({
      promiseId,
      description: "Tas bort",
      desiredDirection: "increase",
      baselineYear: 2025,
      areaCode: CENTRE,
      indicator: { kind: "incidents", categoryCode: "P-KLOTTER" },
    });
    await analyst.medborgarlofte.removeEffect({ effectId: removable.id });
    expect((await viewer.medborgarlofte.get({ id: promiseId })).effects).toHaveLength(2);
  });

  it("gives the yearly report as Excel, the same figures as the page", async () => {
    const file = await viewer.medborgarlofte.reportXlsx({ id: promiseId, year: 2026 });
    expect(file.fileName).toBe("medborgarlofte-est-borlange-2026.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, "base64") as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Aktiviteter", "Genomfört", "Effekter"]);
    const asOf = TODAY < "2026-12-31" ? TODAY : "2026-12-31";
    const view = await viewer.medborgarlofte.get({ id: promiseId, asOf });
    const rows = (workbook.getWorksheet("Aktiviteter")?.getSheetValues() ?? []).slice(2) as unknown[][];
    const walks = rows.find((row) => row[2] === "Minst åtta gemensamma trygghetsvandringar");
    const walksView = view.activities.find((a) => a.id === activity.walks);
    expect(walks?.slice(3, 8)).toEqual([
      "minst 8 trygghetsvandringar",
      "2026-01-01–2026-12-31",
      "Tunabyggen",
      walksView?.progress.done,
      8,
    ]);
    expect(rows.find((row) => row[2] === "Informationsträffar om bedrägerier mot äldre")?.[1]).toBe(
      "Bedrägerier mot äldre",
    );
    const done = (workbook.getWorksheet("Genomfört")?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(done.filter((row) => row[2] === "Minst åtta gemensamma trygghetsvandringar")).toHaveLength(4);
    expect(done.some((row) => row[4] === "Insats: Extra trygghetsvandring efter bränder")).toBe(true);
  });
});

describe("the public page", () => {
  let promiseId: string;
  const publicCaller = (clientIp = "192.0.2.10") => callerFor(testDb.db, { clientIp }).caller;

  const inDays = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toISOString().replace(/T.*/, "T18:00:00Z");

  beforeAll(async () => {
    const dialogue = (days: number, kind: "medborgardialog" | "medarbetardialog", meetingPlace: string) =>
      member.dialogues.create({
        kind,
        format: "stormote",
        startsAt: inDays(days),
        areaCode: TJARNA,
        meetingPlace,
      });
    await dialogue(10, "medborgardialog", "Tjärna Ängars bibliotek");
    await dialogue(12, "medarbetardialog", "Stadshusets personalrum");
    await dialogue(200, "medborgardialog", "Långt fram");
    await dialogue(-10, "medborgardialog", "Redan hållen");
    promiseId = (
      await analyst.medborgarlofte.create({
        title: `Medborgarlöfte ${YEAR}`,
        text: "Vi lovar fler trygghetsvandringar.",
        startYear: YEAR,
        endYear: YEAR,
        organizationIds: [org.kommun, org.polis],
        areaCodes: [TJARNA],
      })
    ).id;
    const walks = await analyst.medborgarlofte.addActivity({
      promiseId,
      title: "Trygghetsvandringar i Tjärna Ängar",
      target: { kind: "count", count: 4 },
      unit: "trygghetsvandringar",
      organizationIds: [org.tunabyggen],
    });
    await member.medborgarlofte.addProgress({
      activityId: walks.id,
      doneOn: `${YEAR}-01-01`,
      areaCode: TJARNA,
      whatDone: "Kalle Andersson i trapphus 4 visade oss källaren",
      participants: 3,
    });
    await member.medborgarlofte.addProgress({
      activityId: walks.id,
      doneOn: TODAY,
      areaCode: TJARNA,
      whatDone: "Vandring med boende",
      participants: 25,
    });
    // Klotter in Tjärna Ängar: 3 on New Year's Day last year, 12 this year.
    await addIncidents("P-KLOTTER", TJARNA, `${YEAR - 1}-01-01`, 3, "public-baseline");
    await addIncidents("P-KLOTTER", TJARNA, `${YEAR}-01-01`, 12, "public-current");
    await analyst.medborgarlofte.addEffect({
      promiseId,
      description: "Mindre klotter i Tjärna Ängar",
      desiredDirection: "decrease",
      baselineYear: YEAR - 1,
      areaCode: TJARNA,
      indicator: { kind: "incidents", categoryCode: "P-KLOTTER" },
    });
    await analyst.medborgarlofte.create({
      title: `Medborgarlöfte ${YEAR + 1}`,
      startYear: YEAR + 1,
      endYear: YEAR + 1,
    });
  });

  it("shows nothing until an admin publishes, and needs no session", async () => {
    const before = await publicCaller().medborgarlofte.publicPage({ workspace: SLUG });
    expect(before).toMatchObject({ name: "EST Borlänge", promises: [], done: [], dialogues: [] });
    const next = (await analyst.medborgarlofte.list()).find((p) => p.title === `Medborgarlöfte ${YEAR + 1}`);
    await admin.medborgarlofte.publish({ id: next?.id ?? "", isPublished: true });
    await admin.medborgarlofte.publish({ id: promiseId, isPublished: true, showsDialogueSchedule: true });
    const page = await publicCaller().medborgarlofte.publicPage({ workspace: SLUG });
    // Next year's promise is published but not current; the 2026 promise was never published.
    expect(page.promises.map((p) => p.title)).toEqual([`Medborgarlöfte ${YEAR}`]);
    expect(page.promises[0]?.activities[0]).toMatchObject({
      title: "Trygghetsvandringar i Tjärna Ängar",
      organizations: ["Tunabyggen"],
      progress: { target: 4, done: 2 },
    });
    expect(page.promises[0]?.parties.sort()).toEqual(["Borlänge kommun", "LPO Borlänge"]);
    await expect(publicCaller().medborgarlofte.publicPage({ workspace: "finns-inte" })).rejects.toMatchObject(
      NOT_FOUND,
    );
  });

  it("lists what was done without free text, participants below 5 withheld", async () => {
    const page = await publicCaller().medborgarlofte.publicPage({ workspace: SLUG });
    expect(page.done).toHaveLength(2);
    expect(page.done).toEqual(
      expect.arrayContaining([
        {
          doneOn: TODAY,
          activityTitle: "Trygghetsvandringar i Tjärna Ängar",
          areaName: "Tjärna Ängar",
          participants: 25,
          hasFewParticipants: false,
        },
        {
          doneOn: `${YEAR}-01-01`,
          activityTitle: "Trygghetsvandringar i Tjärna Ängar",
          areaName: "Tjärna Ängar",
          participants: null,
          hasFewParticipants: true,
        },
      ]),
    );
    const text = JSON.stringify(page);
    for (const secret of ["Kalle", "trapphus", "Vandring med boende", "bovard@"])
      expect(text).not.toContain(secret);
  });

  it("withholds incident counts below 5 and the change they would reveal", async () => {
    const page = await publicCaller().medborgarlofte.publicPage({ workspace: SLUG });
    const effect = page.promises[0]?.effects[0]?.measured;
    if (effect?.kind !== "incidents") throw new Error("an incident effect");
    expect(effect.baseline?.count).toBeNull();
    expect(effect.current?.count).toBe(12);
    expect(effect).toMatchObject({ percentChange: null, percentInterval: null, verdict: "too_few" });
    const internal = (await viewer.medborgarlofte.get({ id: promiseId })).effects[0]?.measured;
    if (internal?.kind !== "incidents") throw new Error("an incident effect");
    expect([internal.baseline?.count, internal.current?.count]).toEqual([3, 12]);
  });

  it("gives the coming months' medborgardialoger: when and where, nothing else", async () => {
    const page = await publicCaller().medborgarlofte.publicPage({ workspace: SLUG });
    expect(page.dialogues).toEqual([
      {
        // 18:00 UTC is the same evening in Stockholm.
        date: inDays(10).slice(0, 10),
        time: expect.stringMatching(/^(19|20):00$/),
        format: "stormote",
        areaName: "Tjärna Ängar",
        meetingPlace: "Tjärna Ängars bibliotek",
      },
    ]);
    await admin.medborgarlofte.publish({ id: promiseId, isPublished: true, showsDialogueSchedule: false });
    expect((await publicCaller().medborgarlofte.publicPage({ workspace: SLUG })).dialogues).toEqual([]);
    await admin.medborgarlofte.publish({ id: promiseId, isPublished: true, showsDialogueSchedule: true });
  });

  it("follows progress at once, and limits each address on requests that reach the database, never on the cached page", async () => {
    const reader = publicCaller("198.51.100.7");
    const activityId = (await viewer.medborgarlofte.get({ id: promiseId })).activities[0]?.id ?? "";
    await reader.medborgarlofte.publicPage({ workspace: SLUG });
    await member.medborgarlofte.addProgress({ activityId, doneOn: TODAY, whatDone: "Kvällsvandring" });
    expect(
      (await reader.medborgarlofte.publicPage({ workspace: SLUG })).promises[0]?.activities[0]?.progress.done,
    ).toBe(3);
    // A newspaper's readers behind one address: the cached page is served however often it is asked for.
    for (let i = 0; i < PUBLIC_PAGE_LIMIT.max + 10; i++)
      await reader.medborgarlofte.publicPage({ workspace: SLUG });
    // Each unknown workspace is a database lookup: counted, and refused past the limit.
    const outcomes: string[] = [];
    for (let i = 0; i < PUBLIC_PAGE_LIMIT.max; i++)
      outcomes.push(
        await reader.medborgarlofte.publicPage({ workspace: `finns-inte-${i}` }).then(
          () => "found",
          (error: { code?: string }) => error.code ?? "?",
        ),
      );
    expect(outcomes.filter((code) => code === "NOT_FOUND").length).toBe(PUBLIC_PAGE_LIMIT.max - 2);
    expect(outcomes.slice(-2)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    // The cached page still reaches the limited address; a page to assemble does not, other addresses get it.
    await expect(reader.medborgarlofte.publicPage({ workspace: SLUG })).resolves.toBeTruthy();
    await member.medborgarlofte.addProgress({ activityId, doneOn: TODAY, whatDone: "Kvällsvandring igen" });
    await expect(reader.medborgarlofte.publicPage({ workspace: SLUG })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(
      publicCaller("198.51.100.8").medborgarlofte.publicPage({ workspace: SLUG }),
    ).resolves.toBeTruthy();
  });

  it("takes a promise off the page when an admin unpublishes it", async () => {
    await admin.medborgarlofte.publish({ id: promiseId, isPublished: false });
    expect(await publicCaller().medborgarlofte.publicPage({ workspace: SLUG })).toMatchObject({
      promises: [],
      done: [],
      dialogues: [],
    });
  });
});

describe("the demo's medborgarlöfte", () => {
  let demoDb: TestDb;

  beforeAll(async () => {
    demoDb = await createDemoTestDb("2026-11-15", { meetings: true });
  }, 180_000);

  afterAll(async () => {
    await demoDb?.close();
  });

  it("has activities with progress, one behind its target, a fokusområde and effects, published", async () => {
    const viewer = await demoCaller(demoDb.db, "lasare@borlange.example");
    const [promise] = await viewer.medborgarlofte.list();
    expect(promise).toMatchObject({
      title: "Medborgarlöfte för Borlänge 2026",
      isPublished: true,
      activities: 5,
    });
    const view = await viewer.medborgarlofte.get({ id: promise?.id ?? "", asOf: "2026-11-15" });
    const status = Object.fromEntries(view.activities.map((a) => [a.title, a.progress.status]));
    expect(status).toEqual({
      "Minst åtta gemensamma trygghetsvandringar": "on_track",
      "Trygghetsvärdar i Tjärna Ängar": "on_track",
      "Gemensamma narkotikainsatser med socialtjänsten": "reached",
      "Informationsträffar om bedrägerier mot äldre": "behind",
      "Informationsblad till hemtjänstens brukare": "unmeasured",
    });
    // 15 November is day 319 of 365: 8 × 0.874 = 6.99, so 7 walks are one ahead of the 6 due.
    expect(view.activities[0]?.progress.done).toBe(7);
    // Two meetings held and the group's fraud insats counted: 3 of the 5 due.
    expect(view.activities.find((a) => a.progress.status === "behind")?.progress.done).toBe(3);
    expect(view.focusAreas.map((f) => f.title)).toEqual(["Bedrägerier mot äldre"]);
    expect(view.activities.filter((a) => a.focusAreaId !== null)).toHaveLength(2);
    expect(view.basedOn.dialogues.length).toBeGreaterThan(0);
    expect(view.basedOn.lagesbilder).toHaveLength(3);
    expect(view.effects.map((e) => [e.description, e.measured.direction])).toEqual([
      ["Färre ska känna sig otrygga ute sent en kväll", expect.any(String)],
      // The demo's planted rise in fraud against the elderly: clearly the wrong way.
      ["Färre bedrägerier mot äldre", "against"],
    ]);
  });

  it("shows a newcomer's public page with trends and fixed problems an admin chose", async () => {
    const page = await callerFor(demoDb.db, { clientIp: "192.0.2.11" }).caller.medborgarlofte.publicPage({
      workspace: SLUG,
    });
    expect(page.promises.map((p) => p.title)).toEqual(["Medborgarlöfte för Borlänge 2026"]);
    const series = page.trends?.series ?? [];
    // Two crime groups in the promise's four areas.
    expect(series).toHaveLength(8);
    expect(new Set(series.map((s) => s.categoryName)).size).toBe(2);
    expect(series.some((s) => s.cells.some((c) => c.count !== null && c.count >= 5))).toBe(true);
    expect(page.fixedProblems?.fixed === null || (page.fixedProblems?.fixed ?? 0) >= 5).toBe(true);
    expect(page.fixedProblems?.total === null || (page.fixedProblems?.total ?? 0) > 0).toBe(true);
  });
});
