import { ANALYST_ROLES, ROLES, type Role, WRITER_ROLES } from "../shared/roles.ts";

/**
 * Who may call a procedure: anyone, any signed-in user (whatever workspace), a system
 * administrator, or members of the workspace the request names in these roles.
 */
export type Callers = "public" | "signed-in" | "system-admin" | readonly Role[];

/**
 * How far a member is held to its own organisation's records (docs/decisions/011). Analysts and
 * admins act on every record of the workspace; a viewer on none.
 * - "changes": a member changes only its organisation's record; another's is refused as NOT_OWNER.
 * - "reads": a member reads only its organisation's record; another's is refused as FORBIDDEN.
 * - "detail": every caller gets the rows; free text, people's names and photos only the record's
 *   own organisations' members (and analysts and admins) see.
 */
export type OrganisationScope = "changes" | "reads" | "detail";

export type ProcedureAccess = {
  callers: Callers;
  organisationScope?: OrganisationScope;
  /** Why, where the callers alone do not say it. */
  reason?: string;
};

const EVERY_ROLE = ROLES;
const WRITERS = WRITER_ROLES;
const ANALYSTS = ANALYST_ROLES;
const ADMINS: readonly Role[] = ["admin"];

const AGGREGATES = "counts, rates and map points: no free text, no names";
const IMPORT = "an import changes the workspace's figures; it has a history and an undo";
const DOCUMENT = "every role reads the lägesbild (decisions/013)";
const MEETING =
  "the meeting's document is drafted, decided and published by analysts and admins (decisions/013)";
const PROMISE = "every role follows the medborgarlöften (decisions/016)";
const PROMISE_WRITERS =
  "the promise, its activities and effects are written by analysts and admins (decisions/016)";
const AUDIT = "who did what in the workspace, and whose free text they read (decisions/018)";
const OWN_NOTIFICATIONS =
  "the caller's own notifications, derived from what its role and organisation may see (decisions/025)";
const AUDIT_UNSCOPED = "failed sign-ins belong to no workspace, so to no workspace's admin (decisions/018)";

/**
 * The access policy of every procedure of the app router, keyed by its path. It records what the
 * routers and services enforce; tests/integration/access-matrix.test.ts calls every procedure as
 * seven kinds of caller and fails on any difference, and on a procedure missing from this table.
 */
export const ACCESS_POLICY: Readonly<Record<string, ProcedureAccess>> = {
  "system.config": { callers: "public", reason: "the client needs the basemap before anyone signs in" },
  "system.workspaces": { callers: "system-admin" },
  "system.createWorkspace": {
    callers: "system-admin",
    reason: "a workspace and its first admin's invitation",
  },

  "auth.login": { callers: "public" },
  "auth.logout": { callers: "public", reason: "ends the caller's own session, if it has one" },
  "auth.me": { callers: "signed-in", reason: "the user and the workspaces it belongs to" },
  "auth.invitation": { callers: "public", reason: "the one-time link's token is the credential" },
  "auth.acceptInvitation": { callers: "public", reason: "the one-time link's token is the credential" },
  "auth.resetInfo": { callers: "public", reason: "the one-time link's token is the credential" },
  "auth.resetPassword": { callers: "public", reason: "the one-time link's token is the credential" },
  "auth.changePassword": { callers: "signed-in", reason: "one's own password, proven by the current one" },

  "workspace.current": { callers: EVERY_ROLE },
  "workspace.settings": { callers: ADMINS },
  "workspace.updateSettings": { callers: ADMINS },
  "workspace.ssoSettings": { callers: ADMINS, reason: "how the identity provider's claims become roles" },
  "workspace.updateSsoSettings": {
    callers: ADMINS,
    reason: "the mapping decides who gets in and with which role (decisions/020)",
  },
  "workspace.updateMeetingRhythm": { callers: ADMINS, reason: "moves every member's default period" },
  "workspace.members": { callers: ADMINS, reason: "people's names and e-mail addresses" },
  "workspace.invitations": { callers: ADMINS },
  "workspace.invite": { callers: ADMINS },
  "workspace.revokeInvitation": { callers: ADMINS },
  "workspace.updateMember": {
    callers: ADMINS,
    reason: "roles and organisations decide everything else here",
  },
  "workspace.deactivateMember": { callers: ADMINS },
  "workspace.reactivateMember": { callers: ADMINS },
  "workspace.issueResetLink": {
    callers: ADMINS,
    reason: "only for accounts no other workspace shares; those are a system administrator's",
  },
  "workspace.addOrganization": { callers: ADMINS },
  "workspace.removeOrganization": { callers: ADMINS },
  "workspace.apiTokens": { callers: ADMINS },
  "workspace.createApiToken": { callers: ADMINS },
  "workspace.revokeApiToken": { callers: ADMINS },

  "audit.list": { callers: ADMINS, reason: AUDIT },
  "audit.export": { callers: ADMINS, reason: `${AUDIT}; a mutation because it returns a file` },
  "audit.retention": { callers: ADMINS },
  "audit.setRetention": { callers: ADMINS, reason: "a shorter period purges older entries at once" },
  "audit.systemList": { callers: "system-admin", reason: AUDIT_UNSCOPED },
  "audit.systemExport": { callers: "system-admin", reason: AUDIT_UNSCOPED },

  "areas.list": { callers: EVERY_ROLE },
  "areas.districtGeometries": { callers: EVERY_ROLE },
  "areas.rename": { callers: ADMINS, reason: "an area's name shows in every list and map" },
  "maps.setBasemapStyle": {
    callers: ADMINS,
    reason: "an external style sends every user's map views to its service",
  },

  "categories.list": { callers: EVERY_ROLE },
  "categories.createGroup": { callers: ANALYSTS, reason: "the category tree shapes every figure" },
  "categories.update": { callers: ANALYSTS, reason: "the category tree shapes every figure" },

  "overview.districtStats": { callers: EVERY_ROLE, reason: AGGREGATES },
  "overview.weeklyTrend": { callers: EVERY_ROLE, reason: AGGREGATES },
  "overview.points": { callers: EVERY_ROLE, reason: AGGREGATES },
  "overview.fieldLayers": { callers: EVERY_ROLE, reason: AGGREGATES },

  "analysis.compstat": { callers: EVERY_ROLE, reason: AGGREGATES },
  "analysis.risingNow": { callers: EVERY_ROLE, reason: AGGREGATES },
  "analysis.risingOverTime": { callers: EVERY_ROLE, reason: AGGREGATES },
  "analysis.trend": { callers: EVERY_ROLE, reason: AGGREGATES },
  "analysis.patterns": { callers: EVERY_ROLE, reason: AGGREGATES },
  "analysis.years": { callers: EVERY_ROLE, reason: AGGREGATES },

  "exports.table": {
    callers: EVERY_ROLE,
    reason: "aggregates only (decisions/008); a mutation because it returns a file",
  },
  "exports.findings": {
    callers: EVERY_ROLE,
    organisationScope: "detail",
    reason: "the Fynd page as a file: free text only where walks.findings shows it (decisions/011)",
  },
  "exports.dialogues": {
    callers: EVERY_ROLE,
    reason: "schedule, attendance and themes; notes are never exported (decisions/008)",
  },

  "imports.history": { callers: ANALYSTS },
  "imports.policeDelivery": { callers: ANALYSTS, reason: IMPORT },
  "imports.policeEvents": { callers: ANALYSTS, reason: IMPORT },
  "imports.preview": { callers: ANALYSTS, reason: "the first rows of a file an analyst is about to import" },
  "imports.partnerSources": { callers: ANALYSTS },
  "imports.createPartnerSource": { callers: ANALYSTS },
  "imports.partnerReports": { callers: ANALYSTS, reason: IMPORT },
  "imports.crimeCodes": { callers: ANALYSTS, reason: IMPORT },
  "imports.areasPreview": { callers: ANALYSTS },
  "imports.areas": { callers: ANALYSTS, reason: IMPORT },
  "imports.population": { callers: ANALYSTS, reason: IMPORT },
  "imports.surveys": { callers: ANALYSTS, reason: IMPORT },
  "imports.undo": { callers: ANALYSTS },

  "incidents.sources": { callers: EVERY_ROLE },

  "walks.list": { callers: EVERY_ROLE },
  "walks.get": { callers: EVERY_ROLE },
  "walks.create": { callers: WRITERS, reason: "a member needs an organisation to record under" },
  "walks.addFinding": { callers: WRITERS, reason: "recorded under the caller's organisation" },
  "walks.changeStatus": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "the finding's owner organisation once it has one, before that its recorder's",
  },
  "walks.findings": { callers: EVERY_ROLE, organisationScope: "detail" },
  "walks.photo": {
    callers: EVERY_ROLE,
    organisationScope: "reads",
    reason: "a finding's photo follows its detail rule; a report's photo is for analysts and admins",
  },
  "walks.organizations": { callers: EVERY_ROLE },

  "reports.createPartner": {
    callers: WRITERS,
    reason: "the one reporting path; a member needs an organisation to report for (decisions/024)",
  },
  "reports.mine": {
    callers: WRITERS,
    reason: "the caller's organisation's own reports, or its own: no parameter reaches another's",
  },
  "reports.mineOne": {
    callers: WRITERS,
    organisationScope: "reads",
    reason: "a report for its organisation's members and its reporter (decisions/024)",
  },
  "reports.queue": { callers: ANALYSTS, reason: "descriptions and contact details are personal data" },
  "reports.pendingCount": { callers: ANALYSTS, reason: "the reviewers' badge" },
  "reports.review": { callers: ANALYSTS },
  "reports.undoReview": { callers: ANALYSTS, reason: "within a day of the decision (decisions/024)" },
  "reports.citizen": {
    callers: "public",
    reason: "citizens report without an account; rate- and size-limited",
  },
  "reports.citizenStatus": { callers: "public", reason: "the reporter's own report, by its follow-up token" },
  "reports.citizenForm": {
    callers: "public",
    reason: "the district boundaries the report form places a point in",
  },

  "dialogues.list": { callers: EVERY_ROLE, organisationScope: "detail", reason: "notes are personal data" },
  "dialogues.create": { callers: WRITERS, reason: "the dialogue belongs to the caller's organisation" },
  "dialogues.recordResults": { callers: WRITERS, organisationScope: "changes" },
  "dialogues.themeTrend": { callers: EVERY_ROLE, reason: AGGREGATES },

  "surveys.list": { callers: EVERY_ROLE },
  "surveys.series": { callers: EVERY_ROLE, reason: "published survey results with their intervals" },

  "places.search": { callers: EVERY_ROLE, reason: "partners' staff report from the address list" },
  "places.publicSearch": {
    callers: "public",
    reason:
      "citizens find their place by address: names and points only, 8 at a time, rate-limited (decisions/025)",
  },
  "places.import": { callers: ANALYSTS },
  "places.remove": { callers: ANALYSTS },

  "lagesbild.list": { callers: EVERY_ROLE, reason: DOCUMENT },
  "lagesbild.get": { callers: EVERY_ROLE, reason: DOCUMENT },
  "lagesbild.create": { callers: ANALYSTS, reason: MEETING },
  "lagesbild.setAreaStatus": { callers: ANALYSTS, reason: MEETING },
  "lagesbild.setAssessment": { callers: ANALYSTS, reason: MEETING },
  "lagesbild.setContribution": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "each organisation writes its own contribution",
  },
  "lagesbild.publish": { callers: ANALYSTS, reason: MEETING },
  "lagesbild.reopen": { callers: ANALYSTS, reason: MEETING },
  "lagesbild.snapshots": { callers: EVERY_ROLE, reason: DOCUMENT },
  "lagesbild.compare": { callers: EVERY_ROLE, reason: DOCUMENT },
  "lagesbild.createInsats": { callers: ANALYSTS, reason: MEETING },
  "lagesbild.addFollowUp": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "återkoppling from the insats's own organisation",
  },
  "lagesbild.closeInsats": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "the insats's own organisation closes it with its återkoppling",
  },
  "lagesbild.overTime": { callers: EVERY_ROLE, reason: DOCUMENT },
  "lagesbild.actionPlan": { callers: EVERY_ROLE, reason: DOCUMENT },
  "lagesbild.actionPlanXlsx": {
    callers: EVERY_ROLE,
    reason: `${DOCUMENT}; a mutation because it returns a file`,
  },
  "lagesbild.effect": { callers: EVERY_ROLE, reason: DOCUMENT },

  "medborgarlofte.list": { callers: EVERY_ROLE, reason: PROMISE },
  "medborgarlofte.get": { callers: EVERY_ROLE, reason: PROMISE },
  "medborgarlofte.reportXlsx": {
    callers: EVERY_ROLE,
    reason: `${PROMISE}; a mutation because it returns a file`,
  },
  "medborgarlofte.create": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.update": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.remove": {
    callers: ANALYSTS,
    reason: `${PROMISE_WRITERS}; a published promise is unpublished by an admin first`,
  },
  "medborgarlofte.publicSettings": { callers: EVERY_ROLE, reason: PROMISE },
  "medborgarlofte.setPublicSettings": {
    callers: ADMINS,
    reason: "which incident trends and figures reach the public page is an admin's choice (decisions/026)",
  },
  "medborgarlofte.updateFocusArea": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.removeFocusArea": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.removeActivity": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.updateEffect": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.updateProgress": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "a progress entry belongs to the organisation that recorded it",
  },
  "medborgarlofte.publish": {
    callers: ADMINS,
    reason: "what reaches the public page is an admin's choice (decisions/016)",
  },
  "medborgarlofte.addFocusArea": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.addActivity": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.updateActivity": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.addEffect": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.removeEffect": { callers: ANALYSTS, reason: PROMISE_WRITERS },
  "medborgarlofte.addProgress": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "members record progress for activities their organisation is responsible for",
  },
  "medborgarlofte.removeProgress": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "a progress entry belongs to the organisation that recorded it",
  },
  "medborgarlofte.linkInsats": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "an insats counts as progress for an activity of the caller's organisation",
  },
  "medborgarlofte.unlinkInsats": {
    callers: WRITERS,
    organisationScope: "changes",
    reason: "an insats counts as progress for an activity of the caller's organisation",
  },
  "medborgarlofte.publicPage": {
    callers: "public",
    reason:
      "the public follow-up page: published promises and the trends an admin chose only, no free text from progress, counts below 5 and totals around them withheld; rate-limited",
  },

  "notifications.list": { callers: EVERY_ROLE, reason: OWN_NOTIFICATIONS },
  "notifications.markRead": { callers: EVERY_ROLE, reason: OWN_NOTIFICATIONS },
  "notifications.markAllRead": { callers: EVERY_ROLE, reason: OWN_NOTIFICATIONS },
  "notifications.settings": { callers: EVERY_ROLE, reason: OWN_NOTIFICATIONS },
  "notifications.updateSettings": { callers: EVERY_ROLE, reason: OWN_NOTIFICATIONS },
};
