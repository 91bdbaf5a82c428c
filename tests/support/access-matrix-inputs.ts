import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import {
  as,
  CENTRE,
  EMAIL,
  file,
  freshLagesbild,
  ids,
  matrixDb,
  next,
  policeDelivery,
  report,
  SLUG,
  survey,
} from "./access-matrix-world.ts";

/** "ok", or the tRPC code of the refusal or domain error (with the app code where it says more). */
export type Outcome = string;

/** How the matrix calls one procedure. */
export type Spec = {
  /** A valid input, made afresh for every caller so a mutation can have a record of its own. */
  input?: () => unknown;
  /** What an allowed call gives where it is not plain success. */
  allowed?: Outcome;
  /** The call ends sessions (its own or the user's others): it gets one of its own, and the caller signs in again after. */
  freshSession?: true;
  /** For organisationScope "detail": whether the answer shows Tunabyggen's record in detail. */
  reveals?: (result: unknown) => boolean;
};

const period = { kind: "month" as const, date: "2026-10-15" };
const policeEvents = (id: number) =>
  file(
    "events.json",
    JSON.stringify([
      {
        id,
        datetime: "2026-10-28 9:05:11 +01:00",
        name: "28 oktober 09.05, Stöld, Borlänge",
        summary: "Cykel stulen vid stationen.",
        url: `/aktuellt/handelser/${id}/`,
        type: "Stöld",
        location: { name: "Borlänge", gps: "60.484304,15.433969" },
      },
    ]),
  );
const square = (lon: number, lat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
});
const geojson = file(
  "delomraden.geojson",
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { kod: "TEST-1", namn: "Provområdet" },
        geometry: square(15.2, 60.3),
      },
    ],
  }),
);
const freshInsats = async () =>
  (
    await as("analyst").lagesbild.createInsats({
      lagesbildId: ids.draft,
      title: `Belysning ${next()}`,
      organizationId: ids.tunabyggen,
      areaIds: [ids.area],
      startOn: "2026-10-01",
    })
  ).id;
/** Someone only the admin's calls work on, so no caller's own membership or session is touched. */
const freshMember = async () =>
  (
    await createUser(matrixDb(), {
      email: `person${next()}@tunabyggen.example`,
      memberships: [{ workspaceId: ids.workspace, role: "member", organizationId: ids.tunabyggen }],
    })
  ).id;
const freshInvitation = () =>
  as("admin").workspace.invite({
    email: `inbjuden${next()}@tunabyggen.example`,
    role: "member",
    organizationId: ids.tunabyggen,
  });
const NEW_PASSWORD = "sju-blanka-stjarnor-over-dalalven";
const freshFinding = async () =>
  (
    await as("member").walks.addFinding({
      walkId: ids.walk,
      ...CENTRE,
      category: "belysning",
      description: "Lampan vid entrén är trasig.",
      severity: 2,
    })
  ).id;

/** A medborgarlöfte with one activity Tunabyggen is responsible for, made once by the analyst. */
let lofte: Promise<{ promiseId: string; activityId: string }> | undefined;
const lofteWorld = () => {
  lofte ??= (async () => {
    const analyst = as("analyst");
    const { id: promiseId } = await analyst.medborgarlofte.create({
      title: "Medborgarlöfte 2026",
      startYear: 2026,
      endYear: 2026,
      areaCodes: [CENTRE.code],
    });
    const { id: activityId } = await analyst.medborgarlofte.addActivity({
      promiseId,
      title: "Trygghetsvandringar i centrum",
      target: { kind: "count", count: 8 },
      unit: "trygghetsvandringar",
      organizationIds: [ids.tunabyggen],
    });
    return { promiseId, activityId };
  })();
  return lofte;
};
const lofteEffect = async () => ({
  promiseId: (await lofteWorld()).promiseId,
  description: "Färre upplevda problem i Mjälga",
  desiredDirection: "decrease" as const,
  baselineYear: 2025,
  areaCode: "2081R008",
  indicator: { kind: "survey" as const, dataSourceId: ids.survey, indicator: "Problemindex" },
});
const lofteProgress = async () => ({
  activityId: (await lofteWorld()).activityId,
  doneOn: "2026-10-10",
  whatDone: "Trygghetsvandring runt torget",
  participants: 12,
});

/** One valid call of every procedure, keyed by its path. */
export const SPECS: Record<string, Spec> = {
  "system.config": {},

  "system.workspaces": {},
  "system.createWorkspace": {
    input: () => {
      const n = next();
      return {
        slug: `est-ort-${n}`,
        name: `EST Ort ${n}`,
        meetingAnchor: "2024-01-08",
        adminEmail: `admin${n}@ort.example`,
        adminName: "Ada Admin",
      };
    },
  },

  "auth.login": { input: () => ({ email: EMAIL.admin, password: TEST_PASSWORD }) },
  "auth.logout": { freshSession: true },
  "auth.me": {},
  "auth.invitation": { input: async () => ({ token: (await freshInvitation()).token }) },
  "auth.acceptInvitation": {
    input: async () => ({ token: (await freshInvitation()).token, name: "Nina Ny", password: NEW_PASSWORD }),
  },
  "auth.resetInfo": {
    input: async () => ({
      token: (await as("admin").workspace.issueResetLink({ userId: await freshMember() })).token,
    }),
  },
  "auth.resetPassword": {
    input: async () => ({
      token: (await as("admin").workspace.issueResetLink({ userId: await freshMember() })).token,
      password: NEW_PASSWORD,
    }),
  },
  "auth.changePassword": {
    freshSession: true,
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },

  "workspace.current": {},
  "workspace.settings": {},
  "workspace.updateSettings": { input: () => ({ notesRetentionDays: 365, surveyMinRespondents: 30 }) },
  "workspace.ssoSettings": {},
  "workspace.updateSsoSettings": {
    input: () => ({
      isEnabled: true,
      claim: "groups",
      rules: [{ value: "est-analytiker", role: "analyst", organizationId: null }],
      defaultRole: null,
      defaultOrganizationId: null,
      defaultEmailDomains: [],
      defaultRequiredValue: null,
    }),
  },
  "workspace.updateMeetingRhythm": { input: () => ({ period: "biweek", meetingDate: "2024-01-08" }) },
  "workspace.members": {},
  "workspace.invitations": {},
  "workspace.invite": {
    input: () => ({
      email: `ny${next()}@tunabyggen.example`,
      role: "viewer",
      organizationId: ids.tunabyggen,
    }),
  },
  "workspace.revokeInvitation": { input: async () => ({ id: (await freshInvitation()).id }) },
  "workspace.updateMember": {
    input: async () => ({ userId: await freshMember(), role: "viewer", organizationId: ids.tunabyggen }),
  },
  "workspace.deactivateMember": { input: async () => ({ userId: await freshMember() }) },
  "workspace.reactivateMember": { input: async () => ({ userId: await freshMember() }) },
  "workspace.issueResetLink": { input: async () => ({ userId: await freshMember() }) },
  "workspace.addOrganization": { input: () => ({ name: `Förening ${next()}`, kind: "other" }) },
  "workspace.removeOrganization": {
    input: async () => ({
      organizationId: (
        await as("admin").workspace.addOrganization({ name: `Klubb ${next()}`, kind: "other" })
      ).id,
    }),
  },
  "workspace.apiTokens": {},
  "workspace.createApiToken": { input: () => ({ name: `Schemalagd import ${next()}` }) },
  "workspace.revokeApiToken": {
    input: async () => ({ id: (await as("admin").workspace.createApiToken({ name: `Token ${next()}` })).id }),
  },

  "audit.list": { input: () => ({ filter: {}, page: 1 }) },
  "audit.export": { input: () => ({ filter: { action: "sign_in" }, format: "csv" }) },
  "audit.retention": {},
  "audit.setRetention": { input: () => ({ days: 365 }) },
  "audit.systemList": { input: () => ({ filter: { action: "sign_in_failed" }, page: 1 }) },
  "audit.systemExport": { input: () => ({ filter: {}, format: "csv" }) },

  "areas.list": {},
  "areas.districtGeometries": {},
  "areas.rename": { input: () => ({ areaId: ids.area, name: "Mjälga-Centrum" }) },
  "maps.setBasemapStyle": { input: () => ({ styleUrl: null }) },

  "categories.list": {},
  "categories.createGroup": {
    input: () => ({ nameSv: "Ordningsstörningar", nameEn: "Disorder", parentCode: null }),
  },
  "categories.update": { input: () => ({ code: "G-STOLD", nameSv: "Stöld" }) },

  "overview.districtStats": { input: () => ({ period }) },
  "overview.weeklyTrend": { input: () => ({ period, weeks: 8 }) },
  "overview.points": { input: () => ({ period }) },
  "overview.fieldLayers": { input: () => ({ period }) },

  "analysis.compstat": { input: () => ({ period }) },
  "analysis.risingNow": { input: () => ({ period }) },
  "analysis.risingOverTime": { input: () => ({ period }) },
  "analysis.trend": { input: () => ({ period, periods: 4 }) },
  "analysis.patterns": { input: () => ({ period }) },
  "analysis.years": { input: () => ({ period, years: 2 }) },

  "exports.table": { input: () => ({ period, view: "compstat", format: "csv" }) },
  "exports.findings": {
    input: () => ({ walkId: ids.walk, format: "csv" }),
    reveals: (result) => {
      const csv = Buffer.from((result as { base64: string }).base64, "base64").toString("utf8");
      if (!csv.includes("Belysning")) throw new Error("the walk's finding is not exported");
      return csv.includes("Lampan vid entrén är trasig.");
    },
  },
  "exports.dialogues": { input: () => ({ format: "csv" }) },

  "imports.history": {},
  "imports.policeDelivery": { input: () => policeDelivery(2) },
  "imports.policeEvents": { input: () => policeEvents(1000 + next()) },
  "imports.preview": { input: () => policeDelivery(2) },
  "imports.partnerSources": {},
  "imports.createPartnerSource": { input: () => ({ name: `Bovärdarnas rapporter ${next()}` }) },
  "imports.partnerReports": {
    input: () => ({
      ...file("rapporter.csv", "Datum;Händelse;Område;Antal\n2026-10-02;P-KLOTTER;Mjälga-Centrum;2\n"),
      dataSourceId: ids.partnerSource,
      mapping: {
        date: "Datum",
        category: "Händelse",
        area: { by: "name", column: "Område" },
        count: "Antal",
      },
    }),
  },
  "imports.crimeCodes": {
    input: () =>
      file(
        "brott_niva_nyckel.csv",
        "Brottskod;Brott_niva;Brottskategorier_namn\n853;1;Stöld\n853;2;Cykelstöld\n",
      ),
  },
  "imports.areasPreview": { input: () => geojson },
  "imports.areas": {
    input: () => ({ ...geojson, kind: "subarea", codeProperty: "kod", nameProperty: "namn" }),
  },
  "imports.population": {
    input: () => ({
      ...file("befolkning.csv", `deso;år;folk\n${CENTRE.code};2030;2000\n`),
      codeColumn: "deso",
      yearColumn: "år",
      populationColumn: "folk",
    }),
  },
  "imports.surveys": {
    input: () => ({ ...survey, kind: "trygghetsmatning", surveyName: "Polisens trygghetsmätning" }),
  },
  "imports.undo": {
    input: async () => ({
      batchId: (await as("admin").imports.policeEvents(policeEvents(5000 + next()))).id,
    }),
  },

  "incidents.sources": {},

  "walks.list": {},
  "walks.get": { input: () => ({ walkId: ids.walk }) },
  "walks.create": {
    input: () => ({ areaCode: CENTRE.code, startsAt: "2026-10-06T18:00:00+02:00", meetingPlace: "Torget" }),
  },
  "walks.addFinding": {
    input: () => ({
      walkId: ids.walk,
      ...CENTRE,
      category: "nedskrapning",
      description: "Skräp.",
      severity: 1,
    }),
  },
  "walks.changeStatus": {
    input: async () => ({
      findingId: await freshFinding(),
      status: "tilldelad",
      ownerOrganizationId: ids.tunabyggen,
    }),
  },
  "walks.findings": {
    input: () => ({ walkId: ids.walk }),
    reveals: (result) => {
      const finding = (result as { id: string; description: string }[]).find((f) => f.id === ids.finding);
      if (!finding) throw new Error("the walk's finding is not listed");
      return finding.description !== "";
    },
  },
  "walks.photo": { input: () => ({ photoId: ids.photo }) },
  "walks.organizations": {},

  "reports.createPartner": { input: report },
  "reports.mine": { input: () => ({ scope: "organization" }) },
  "reports.mineOne": {
    input: async () => ({ reportId: (await as("member").reports.createPartner(report())).id }),
  },
  "reports.queue": { input: () => ({ status: "pending" }) },
  "reports.pendingCount": {},
  "reports.review": {
    input: async () => ({
      reportId: (await as("member").reports.createPartner(report())).id,
      decision: "approved",
    }),
  },
  "reports.undoReview": {
    input: async () => {
      const { id } = await as("member").reports.createPartner(report());
      await as("admin").reports.review({ reportId: id, decision: "approved" });
      return { reportId: id };
    },
  },
  "reports.citizen": { input: () => ({ ...report(), workspace: SLUG }) },
  "reports.citizenStatus": { input: () => ({ token: ids.followToken }) },
  "reports.citizenForm": { input: () => ({ workspace: SLUG }) },

  "dialogues.list": {
    reveals: (result) => {
      const dialogue = (result as { id: string; notes: string | null }[]).find((d) => d.id === ids.dialogue);
      if (!dialogue) throw new Error("the dialogue is not listed");
      return dialogue.notes !== null;
    },
  },
  "dialogues.create": {
    input: () => ({ kind: "medborgardialog", format: "stormote", startsAt: "2026-10-08T18:00:00+02:00" }),
  },
  "dialogues.recordResults": {
    input: () => ({
      dialogueId: ids.dialogue,
      attendance: 12,
      themes: [{ theme: "belysning", strength: 2 }],
      notes: "Boende i trapphus 4 vill ha bättre belysning.",
    }),
  },
  "dialogues.themeTrend": { input: () => ({ until: "2026-10-31" }) },

  "surveys.list": {},
  "surveys.series": {
    input: () => ({ dataSourceId: ids.survey, indicator: "Problemindex", areaCodes: ["2081R008"] }),
  },

  "places.search": { input: () => ({ query: "Torget" }) },
  "places.publicSearch": { input: () => ({ workspace: SLUG, query: "Torget" }) },
  "places.import": { input: () => file("platser.csv", `Namn;Lat;Lon\nTorget;60,48153;15,449798\n`) },
  "places.remove": {
    input: async () => ({
      id: (
        await matrixDb().place.create({
          data: {
            workspaceId: ids.workspace,
            name: `Plats ${next()}`,
            lon: CENTRE.lon,
            lat: CENTRE.lat,
            areaId: ids.area,
          },
          select: { id: true },
        })
      ).id,
    }),
  },

  "lagesbild.list": {},
  "lagesbild.get": { input: () => ({ id: ids.draft }) },
  "lagesbild.create": { input: () => ({ date: "2026-10-20" }) },
  "lagesbild.setAreaStatus": {
    input: () => ({ id: ids.draft, areaId: ids.area, level: "forhojt", justification: "Fler stölder." }),
  },
  "lagesbild.setAssessment": { input: () => ({ id: ids.draft, assessment: "Läget är oförändrat." }) },
  "lagesbild.setContribution": {
    input: () => ({ id: ids.draft, organizationId: ids.tunabyggen, text: "Två bränder i soprum." }),
  },
  "lagesbild.publish": { input: async () => ({ id: await freshLagesbild() }) },
  "lagesbild.reopen": {
    input: async () => {
      const id = await freshLagesbild();
      await as("analyst").lagesbild.publish({ id });
      return { id };
    },
  },
  "lagesbild.snapshots": {},
  "lagesbild.compare": { input: () => ({ snapshotA: ids.snapshotA, snapshotB: ids.snapshotB }) },
  "lagesbild.createInsats": {
    input: () => ({ lagesbildId: ids.draft, title: "Områdespoliser kvällstid", startOn: "2026-10-20" }),
  },
  "lagesbild.addFollowUp": {
    input: () => ({
      insatsId: ids.insats,
      lagesbildId: ids.draft,
      whatDone: "Armaturer bytta",
      doneOn: "2026-10-25",
    }),
  },
  "lagesbild.closeInsats": {
    input: async () => ({
      insatsId: await freshInsats(),
      lagesbildId: ids.draft,
      followUp: { whatDone: "Armaturer bytta", doneOn: "2026-10-25" },
    }),
  },
  "lagesbild.overTime": { input: () => ({ date: "2026-10-15" }) },
  "lagesbild.actionPlan": {},
  "lagesbild.actionPlanXlsx": {},
  "lagesbild.effect": { input: () => ({ insatsId: ids.insats }) },

  "medborgarlofte.list": {},
  "medborgarlofte.get": { input: async () => ({ id: (await lofteWorld()).promiseId, asOf: "2026-10-31" }) },
  "medborgarlofte.reportXlsx": { input: async () => ({ id: (await lofteWorld()).promiseId, year: 2026 }) },
  "medborgarlofte.create": {
    input: () => ({ title: `Medborgarlöfte ${next()}`, startYear: 2026, endYear: 2027 }),
  },
  "medborgarlofte.update": {
    input: async () => ({
      id: (await lofteWorld()).promiseId,
      title: "Medborgarlöfte 2026",
      startYear: 2026,
      endYear: 2026,
      areaCodes: [CENTRE.code],
    }),
  },
  "medborgarlofte.remove": {
    input: async () => ({
      id: (
        await as("analyst").medborgarlofte.create({
          title: `Medborgarlöfte ${next()}`,
          startYear: 2026,
          endYear: 2026,
        })
      ).id,
    }),
  },
  "medborgarlofte.publicSettings": {},
  "medborgarlofte.setPublicSettings": {
    input: () => ({ categoryCodes: ["P-KLOTTER"], areaCodes: [CENTRE.code], showsFixedProblems: true }),
  },
  "medborgarlofte.updateFocusArea": {
    input: async () => ({
      focusAreaId: (
        await as("analyst").medborgarlofte.addFocusArea({
          promiseId: (await lofteWorld()).promiseId,
          title: "Trafiksäkerhet",
        })
      ).id,
      title: "Trafiksäkerhet vid skolorna",
    }),
  },
  "medborgarlofte.removeFocusArea": {
    input: async () => ({
      focusAreaId: (
        await as("analyst").medborgarlofte.addFocusArea({
          promiseId: (await lofteWorld()).promiseId,
          title: "Ungdomar i riskzon",
        })
      ).id,
    }),
  },
  "medborgarlofte.removeActivity": {
    input: async () => ({
      activityId: (
        await as("analyst").medborgarlofte.addActivity({
          promiseId: (await lofteWorld()).promiseId,
          title: "Fältvandringar",
          target: { kind: "count", count: 4 },
        })
      ).id,
    }),
  },
  "medborgarlofte.updateEffect": {
    input: async () => {
      const effect = await lofteEffect();
      const { promiseId: _promiseId, ...fields } = effect;
      return { effectId: (await as("analyst").medborgarlofte.addEffect(effect)).id, ...fields };
    },
  },
  "medborgarlofte.updateProgress": {
    input: async () => {
      const { activityId: _activityId, ...fields } = await lofteProgress();
      return {
        progressId: (await as("member").medborgarlofte.addProgress(await lofteProgress())).id,
        ...fields,
      };
    },
  },
  "medborgarlofte.publish": {
    input: async () => ({
      id: (await lofteWorld()).promiseId,
      isPublished: true,
      showsDialogueSchedule: true,
    }),
  },
  "medborgarlofte.addFocusArea": {
    input: async () => ({ promiseId: (await lofteWorld()).promiseId, title: "Bedrägerier mot äldre" }),
  },
  "medborgarlofte.addActivity": {
    input: async () => ({
      promiseId: (await lofteWorld()).promiseId,
      title: "Trygghetsvärdar",
      target: { kind: "frequency", every: 2, per: "week" },
    }),
  },
  "medborgarlofte.updateActivity": {
    input: async () => ({
      activityId: (await lofteWorld()).activityId,
      title: "Trygghetsvandringar i centrum",
      target: { kind: "count", count: 8 },
      unit: "trygghetsvandringar",
      organizationIds: [ids.tunabyggen],
    }),
  },
  "medborgarlofte.addEffect": { input: lofteEffect },
  "medborgarlofte.removeEffect": {
    input: async () => ({ effectId: (await as("analyst").medborgarlofte.addEffect(await lofteEffect())).id }),
  },
  "medborgarlofte.addProgress": { input: lofteProgress },
  "medborgarlofte.removeProgress": {
    input: async () => ({
      progressId: (await as("member").medborgarlofte.addProgress(await lofteProgress())).id,
    }),
  },
  "medborgarlofte.linkInsats": {
    input: async () => ({ activityId: (await lofteWorld()).activityId, insatsId: ids.insats }),
  },
  "medborgarlofte.unlinkInsats": {
    input: async () => ({ activityId: (await lofteWorld()).activityId, insatsId: ids.insats }),
  },
  "medborgarlofte.publicPage": { input: () => ({ workspace: SLUG }) },
  "notifications.list": {},
  "notifications.markRead": { input: () => ({ keys: [`overdue|${ids.finding}`] }) },
  "notifications.markAllRead": {},
  "notifications.settings": {},
  "notifications.updateSettings": { input: () => ({ areaIds: [ids.area], emailEnabled: false }) },
};
