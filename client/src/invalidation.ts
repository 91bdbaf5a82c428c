import type { QueryClient } from "@tanstack/react-query";
import type { AnyTRPCMutationProcedure, AnyTRPCProcedure } from "@trpc/server";
import type { AppRouter } from "../../server/router.ts";

type MutationPaths<Record, Prefix extends string = ""> = {
  [Key in keyof Record & string]: Record[Key] extends AnyTRPCMutationProcedure
    ? `${Prefix}${Key}`
    : Record[Key] extends AnyTRPCProcedure
      ? never
      : MutationPaths<Record[Key], `${Prefix}${Key}.`>;
}[keyof Record & string];

/** Every mutation of the router, as "router.procedure". */
export type MutationPath = MutationPaths<AppRouter["_def"]["record"]>;

/** Everything cached: what a sign-in, a sign-out or a new membership changes. */
const EVERYTHING = "*";

// Incident figures: what an import, an undo or a category change moves.
const FIGURES = ["overview", "analysis", "lagesbild", "medborgarlofte", "notifications", "surveys.series"];
// Field input on the map, in the district table and on the lägesbild's agenda.
const FIELD = ["overview.fieldLayers", "overview.districtStats", "lagesbild", "notifications"];
const AREAS = ["areas", ...FIGURES, "walks", "reports", "dialogues", "surveys", "places"];

/**
 * After a mutation, the answers it may have changed: a router's name stands for all its queries,
 * "router.procedure" for one. The type makes a mutation without an entry a compile error, so a
 * new write says what it changes instead of refreshing everything. The audit log's queries are
 * refreshed after every write (most are audited).
 */
export const INVALIDATES: Record<MutationPath, readonly string[]> = {
  "system.createWorkspace": ["system"],
  "auth.login": [EVERYTHING],
  "auth.logout": [EVERYTHING],
  "auth.invitation": [],
  "auth.acceptInvitation": [EVERYTHING],
  "auth.resetInfo": [],
  "auth.resetPassword": [],
  "auth.changePassword": ["auth"],
  "workspace.updateSettings": ["workspace", ...FIGURES, "surveys", "dialogues"],
  "workspace.updateMeetingRhythm": ["workspace", ...FIGURES],
  "workspace.invite": ["workspace.invitations"],
  "workspace.revokeInvitation": ["workspace.invitations"],
  "workspace.updateMember": ["workspace", "auth.me"],
  "workspace.deactivateMember": ["workspace.members"],
  "workspace.reactivateMember": ["workspace.members"],
  "workspace.issueResetLink": [],
  "workspace.addOrganization": ["workspace", "walks.organizations"],
  "workspace.removeOrganization": ["workspace", "walks.organizations"],
  "workspace.updateSsoSettings": ["workspace.ssoSettings"],
  "workspace.createApiToken": ["workspace.apiTokens"],
  "workspace.revokeApiToken": ["workspace.apiTokens"],
  "areas.rename": AREAS,
  "maps.setBasemapStyle": ["workspace.current", "system.config"],
  "categories.createGroup": ["categories", ...FIGURES],
  "categories.update": ["categories", ...FIGURES],
  "exports.table": [],
  "exports.findings": [],
  "exports.dialogues": [],
  "imports.policeDelivery": ["imports", "categories", "incidents", ...FIGURES],
  "imports.policeEvents": ["imports", "incidents", ...FIGURES],
  "imports.preview": [],
  "imports.createPartnerSource": ["imports.partnerSources", "incidents.sources"],
  "imports.partnerReports": ["imports", "categories", "incidents", ...FIGURES],
  "imports.crimeCodes": ["imports", "categories", ...FIGURES],
  "imports.areasPreview": [],
  "imports.areas": ["imports", ...AREAS],
  "imports.population": ["imports", "areas", ...FIGURES],
  "imports.surveys": ["imports", "surveys", "lagesbild", "medborgarlofte"],
  "imports.undo": ["imports", "categories", "incidents", ...AREAS],
  "walks.create": ["walks", ...FIELD],
  "walks.addFinding": ["walks", ...FIELD, "medborgarlofte"],
  "walks.changeStatus": ["walks", ...FIELD, "medborgarlofte"],
  "reports.createPartner": ["reports", ...FIELD],
  "reports.review": ["reports", ...FIELD],
  "reports.undoReview": ["reports", ...FIELD],
  "reports.citizen": [],
  "reports.citizenStatus": [],
  "dialogues.create": ["dialogues", ...FIELD, "medborgarlofte"],
  "dialogues.recordResults": ["dialogues", ...FIELD, "medborgarlofte"],
  "places.import": ["places"],
  "places.remove": ["places"],
  "lagesbild.create": ["lagesbild"],
  "lagesbild.setAreaStatus": ["lagesbild"],
  "lagesbild.setAssessment": ["lagesbild"],
  "lagesbild.setContribution": ["lagesbild"],
  "lagesbild.publish": ["lagesbild", "medborgarlofte"],
  "lagesbild.reopen": ["lagesbild", "medborgarlofte"],
  "lagesbild.createInsats": ["lagesbild", "medborgarlofte"],
  "lagesbild.addFollowUp": ["lagesbild", "medborgarlofte"],
  "lagesbild.closeInsats": ["lagesbild", "medborgarlofte"],
  "lagesbild.actionPlanXlsx": [],
  "medborgarlofte.reportXlsx": [],
  "medborgarlofte.create": ["medborgarlofte"],
  "medborgarlofte.update": ["medborgarlofte"],
  "medborgarlofte.remove": ["medborgarlofte"],
  "medborgarlofte.publish": ["medborgarlofte"],
  "medborgarlofte.setPublicSettings": ["medborgarlofte"],
  "medborgarlofte.addFocusArea": ["medborgarlofte"],
  "medborgarlofte.updateFocusArea": ["medborgarlofte"],
  "medborgarlofte.removeFocusArea": ["medborgarlofte"],
  "medborgarlofte.addActivity": ["medborgarlofte"],
  "medborgarlofte.updateActivity": ["medborgarlofte"],
  "medborgarlofte.removeActivity": ["medborgarlofte"],
  "medborgarlofte.addEffect": ["medborgarlofte"],
  "medborgarlofte.updateEffect": ["medborgarlofte"],
  "medborgarlofte.removeEffect": ["medborgarlofte"],
  "medborgarlofte.addProgress": ["medborgarlofte"],
  "medborgarlofte.updateProgress": ["medborgarlofte"],
  "medborgarlofte.removeProgress": ["medborgarlofte"],
  "medborgarlofte.linkInsats": ["medborgarlofte", "lagesbild"],
  "medborgarlofte.unlinkInsats": ["medborgarlofte", "lagesbild"],
  "audit.export": [],
  "audit.setRetention": ["audit"],
  "audit.systemExport": [],
  "notifications.markRead": ["notifications"],
  "notifications.markAllRead": ["notifications"],
  "notifications.updateSettings": ["notifications"],
};

/** The query-key prefixes a mutation's result refreshes (tRPC keys start with the path's parts). */
export function invalidationTargets(path: string): string[] | "everything" {
  const targets = (INVALIDATES as Record<string, readonly string[] | undefined>)[path];
  // A mutation the client does not know (a newer server): refresh everything rather than show stale figures.
  if (!targets || targets.includes(EVERYTHING)) return "everything";
  return [...new Set([...targets, "audit"])];
}

/** Refreshes what the mutation at `mutationKey` (tRPC's [["router", "procedure"]]) may have changed. */
export async function invalidateAfter(queryClient: QueryClient, mutationKey: readonly unknown[] | undefined) {
  const path = Array.isArray(mutationKey?.[0]) ? (mutationKey[0] as string[]).join(".") : "";
  const targets = invalidationTargets(path);
  if (targets === "everything") return queryClient.invalidateQueries();
  await Promise.all(
    targets.map((target) => queryClient.invalidateQueries({ queryKey: [target.split(".")] })),
  );
}
