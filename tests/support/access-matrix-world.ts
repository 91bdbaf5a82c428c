import type { Db } from "../../server/db/client.ts";
import type { Role } from "../../shared/roles.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { callerFor, loginAs } from "./caller.ts";
import { TINY_PNG } from "./images.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

/**
 * The callers and records of the access matrix (tests/integration/access-matrix.test.ts). The
 * records the calls touch belong to Tunabyggen: "member" is one of its members,
 * "otherOrganisation" a member of Borlänge kommun, and the viewer is Tunabyggen's too, so belonging
 * to the organisation never stands in for a role. "otherWorkspace" is an admin of another
 * workspace; "systemAdmin" a system administrator who is a member of no workspace.
 */
export const CALLERS = [
  "noSession",
  "otherWorkspace",
  "viewer",
  "otherOrganisation",
  "member",
  "analyst",
  "admin",
  "systemAdmin",
] as const;
export type CallerName = (typeof CALLERS)[number];
export type WorkspaceCaller = Exclude<CallerName, "noSession" | "otherWorkspace" | "systemAdmin">;

export const SLUG = "est-borlange";
const OTHER_SLUG = "est-falun";
export const CENTRE = { code: "2081C1090", lon: 15.449798, lat: 60.48153 };
export const EMAIL: Record<Exclude<CallerName, "noSession">, string> = {
  otherWorkspace: "admin@falun.example",
  viewer: "lasare@tunabyggen.example",
  otherOrganisation: "gatukontoret@borlange.example",
  member: "bovard@tunabyggen.example",
  analyst: "analytiker@polisen.example",
  admin: "admin@borlange.example",
  systemAdmin: "drift@est.example",
};
export const ROLE: Record<WorkspaceCaller, Role> = {
  viewer: "viewer",
  otherOrganisation: "member",
  member: "member",
  analyst: "analyst",
  admin: "admin",
};

let testDb: TestDb | undefined;
export const tokens = new Map<CallerName, string | null>();
export const ids = {
  workspace: "",
  tunabyggen: "",
  kommun: "",
  walk: "",
  finding: "",
  photo: "",
  dialogue: "",
  followToken: "",
  draft: "",
  snapshotA: "",
  snapshotB: "",
  insats: "",
  area: "",
  partnerSource: "",
  survey: "",
};
let sequence = 0;
export const next = () => ++sequence;

export function matrixDb(): Db {
  if (!testDb) throw new Error("createMatrixWorld() first");
  return testDb.db;
}

export async function closeMatrixWorld() {
  await testDb?.close();
}

export type Caller = ReturnType<typeof callerFor>["caller"];

export function callerAs(name: CallerName, token = tokens.get(name) ?? null): Caller {
  // Each caller has its own address, so the citizen form's limit per address sees separate people.
  const clientIp = `10.0.0.${CALLERS.indexOf(name) + 1}`;
  return callerFor(matrixDb(), { token, workspace: SLUG, clientIp }).caller;
}

export async function freshToken(name: CallerName) {
  if (name === "noSession") return null;
  return (await loginAs(matrixDb(), EMAIL[name], TEST_PASSWORD)).token;
}

export const as = (name: WorkspaceCaller) => callerAs(name);
export const file = (fileName: string, text: string) => ({
  fileName,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
});
export const report = () => ({
  category: "otrygg_plats" as const,
  lon: CENTRE.lon,
  lat: CENTRE.lat,
  occurredAt: "2026-10-20T21:00:00+02:00",
  description: "Trasig belysning vid gångtunneln.",
});
export const policeDelivery = (count: number) =>
  file(
    "Brottsstatistik_Borlange_202610.csv",
    [
      "Kommunkod,desokod,Brottskod,Brottskod text,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil",
      `2081,${CENTRE.code},853,Stöld,2026-10-05,2026-10-04,-,${count},Brottsstatistik_Borlange_202610.csv`,
      `2081,${CENTRE.code},1212,Skadegörelse,2026-10-12,-,-,1,Brottsstatistik_Borlange_202610.csv`,
    ].join("\n"),
  );
export const survey = file(
  "trygghetsmatning.csv",
  ["Indikator;Område;År;Värde;Intervall;Svarande", "Problemindex;2081R008;2025;3,3;±0,3;198"].join("\n"),
);
let periodsBack = 0;
/** A lägesbild of its own: a biweekly period before 2024, which no other call uses. */
export const freshLagesbild = async () => {
  const date = new Date(Date.UTC(2024, 0, 8 - 14 * ++periodsBack)).toISOString().slice(0, 10);
  return (await as("analyst").lagesbild.create({ date })).id;
};

/** The workspaces, people and Tunabyggen's records every call of the matrix works on. */
export async function createMatrixWorld() {
  testDb = await createTestDb();
  const { db } = testDb;
  const workspace = await createWorkspace(db, {
    name: "EST Borlänge",
    slug: SLUG,
    meetingAnchor: "2024-01-08",
  });
  ids.workspace = workspace.id;
  const organization = (name: string, kind: "kommun" | "bostadsbolag" | "polis") =>
    createOrganization(db, { name, kind, workspaceIds: [workspace.id] });
  ids.kommun = (await organization("Borlänge kommun", "kommun")).id;
  ids.tunabyggen = (await organization("Tunabyggen", "bostadsbolag")).id;
  const polis = (await organization("LPO Borlänge", "polis")).id;
  const memberships: Record<WorkspaceCaller, string> = {
    viewer: ids.tunabyggen,
    otherOrganisation: ids.kommun,
    member: ids.tunabyggen,
    analyst: polis,
    admin: ids.kommun,
  };
  for (const [caller, organizationId] of Object.entries(memberships) as [WorkspaceCaller, string][])
    await createUser(db, {
      email: EMAIL[caller],
      memberships: [{ workspaceId: workspace.id, role: ROLE[caller], organizationId }],
    });
  // An admin elsewhere: its role in its own workspace must carry no weight here.
  const falun = await createWorkspace(db, { name: "EST Falun", slug: OTHER_SLUG });
  await createUser(db, {
    email: EMAIL.otherWorkspace,
    memberships: [{ workspaceId: falun.id, role: "admin" }],
  });
  await createUser(db, { email: EMAIL.systemAdmin, isSystemAdmin: true });
  const { desos } = await createBorlangeAreas(db, workspace.id);
  ids.area = desos.find((deso) => deso.code === CENTRE.code)?.id ?? "";
  await createCategoryTree(db, workspace.id);
  tokens.set("noSession", null);
  for (const caller of CALLERS) if (caller !== "noSession") tokens.set(caller, await freshToken(caller));
  await createRecords(db);
}

/** Tunabyggen's records and the data the reads need, made through the procedures as the people who would make them. */
async function createRecords(db: Db) {
  const admin = as("admin");
  await admin.imports.policeDelivery(policeDelivery(3));
  await admin.imports.surveys({
    ...survey,
    kind: "trygghetsmatning",
    surveyName: "Polisens trygghetsmätning",
  });
  ids.survey = (await db.dataSource.findFirstOrThrow({ where: { name: "Polisens trygghetsmätning" } })).id;
  ids.partnerSource = (await admin.imports.createPartnerSource({ name: "Tunabyggen bovärdar" })).id;
  const member = as("member");
  ids.walk = (
    await member.walks.create({
      areaCode: CENTRE.code,
      startsAt: "2026-10-05T18:00:00+02:00",
      meetingPlace: "Torget",
    })
  ).id;
  const finding = await member.walks.addFinding({
    walkId: ids.walk,
    ...CENTRE,
    category: "belysning",
    description: "Lampan vid entrén är trasig.",
    severity: 2,
    photos: [TINY_PNG.toString("base64")],
  });
  ids.finding = finding.id;
  ids.photo = (
    await db.photo.findFirstOrThrow({ where: { findingId: finding.id }, select: { id: true } })
  ).id;
  ids.dialogue = (
    await member.dialogues.create({
      kind: "medborgardialog",
      format: "stormote",
      startsAt: "2026-10-07T18:00:00+02:00",
    })
  ).id;
  await member.dialogues.recordResults({
    dialogueId: ids.dialogue,
    attendance: 9,
    themes: [],
    notes: "Anteckning.",
  });
  ids.followToken = (
    await callerAs("noSession").reports.citizen({ ...report(), workspace: SLUG })
  ).followToken;
  const analyst = as("analyst");
  ids.draft = (await analyst.lagesbild.create({ date: "2026-10-20" })).id;
  ids.insats = (
    await analyst.lagesbild.createInsats({
      lagesbildId: ids.draft,
      title: "Belysning i gångtunneln",
      organizationId: ids.tunabyggen,
      areaIds: [ids.area],
      startOn: "2026-10-01",
    })
  ).id;
  const published = await freshLagesbild();
  await analyst.lagesbild.publish({ id: published });
  await analyst.lagesbild.reopen({ id: published });
  await analyst.lagesbild.publish({ id: published });
  const snapshots = (await analyst.lagesbild.snapshots()).filter((s) => s.lagesbildId === published);
  [ids.snapshotA = "", ids.snapshotB = ""] = snapshots.map((s) => s.id);
}
