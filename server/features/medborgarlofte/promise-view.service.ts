import { dbDateToLocalDate, type LocalDate, toLocalDate } from "../../../shared/calendar.ts";
import type { DialogueTheme } from "../../../shared/field.ts";
import { GetPromiseInputSchema } from "../../../shared/schemas/medborgarlofte.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { actsAcrossWorkspace, ownsRecord } from "../access/ownership.ts";
import { measureEffects } from "./effects.service.ts";
import { promiseBodySelect, todayIn } from "./medborgarlofte.service.ts";
import { type LoadedActivity, loadActivities, namesIn } from "./progress.service.ts";

const promiseSelect = { ...promiseBodySelect, isPublished: true, publishedAt: true } as const;

/** What the promise was based on, by name and date: dialogues (never their notes), lägesbilder, surveys. */
async function basedOnOf(
  { db, workspace }: ServiceScope,
  row: { basedOnDialogueIds: string[]; basedOnLagesbildIds: string[]; basedOnSurveys: unknown },
  areaName: (id: string | null) => string | null,
) {
  const where = { workspaceId: workspace.id };
  const surveys = row.basedOnSurveys as { dataSourceId: string; indicator: string }[];
  const [dialogues, lagesbilder, sources] = [
    await db.dialogue.findMany({
      where: { ...where, id: { in: row.basedOnDialogueIds } },
      select: { id: true, kind: true, format: true, startsAt: true, areaId: true, meetingPlace: true },
      orderBy: { startsAt: "asc" },
    }),
    await db.lagesbild.findMany({
      where: { ...where, id: { in: row.basedOnLagesbildIds } },
      select: { id: true, periodKind: true, periodStart: true, periodEnd: true },
      orderBy: { periodStart: "asc" },
    }),
    await db.dataSource.findMany({
      where: { ...where, id: { in: surveys.map((s) => s.dataSourceId) } },
      select: { id: true, name: true },
    }),
  ];
  return {
    dialogues: dialogues.map((d) => ({
      id: d.id,
      kind: d.kind,
      format: d.format,
      date: toLocalDate(d.startsAt, workspace.timezone),
      areaName: areaName(d.areaId),
      meetingPlace: d.meetingPlace,
    })),
    lagesbilder: lagesbilder.map((l) => ({
      id: l.id,
      periodKind: l.periodKind,
      periodStart: dbDateToLocalDate(l.periodStart),
      periodEnd: dbDateToLocalDate(l.periodEnd),
    })),
    surveys: surveys.map((s) => ({
      ...s,
      name: sources.find((source) => source.id === s.dataSourceId)?.name ?? "?",
    })),
  };
}

function activityView(
  scope: ServiceScope,
  activity: LoadedActivity,
  names: Awaited<ReturnType<typeof namesIn>>,
) {
  const { actor } = scope;
  const areaName = (id: string | null) => names.area(id)?.name ?? null;
  return {
    ...activity,
    organizations: activity.organizationIds.map((id) => ({ id, name: names.organization(id) ?? "?" })),
    areas: activity.areaIds.map((id) => areaName(id) ?? "?"),
    areaCodes: activity.areaIds.flatMap((id) => names.area(id)?.code ?? []),
    canRecord: actor.role !== "viewer" && ownsRecord(actor, activity.organizationIds),
    entries: activity.entries.map((e) => ({
      ...e,
      areaName: areaName(e.areaId),
      areaCode: names.area(e.areaId)?.code ?? null,
      organizationName: names.organization(e.organizationId),
      canRemove: actor.role !== "viewer" && ownsRecord(actor, [e.organizationId]),
    })),
    insatser: activity.insatser.map((i) => ({
      ...i,
      areaNames: i.areaIds.map((id) => areaName(id) ?? "?"),
      organizationName: names.organization(i.organizationId),
    })),
  };
}

/** One promise for the EST group: its text and basis, fokusområden, every activity's progress and the effects. */
export async function getPromise(scope: ServiceScope, raw: { id: string; asOf?: LocalDate }) {
  const input = GetPromiseInputSchema.parse(raw);
  const { db, workspace, actor } = scope;
  const row = await db.medborgarlofte.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id: input.id } },
    select: promiseSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such medborgarlöfte in this workspace");
  const asOf = input.asOf ?? todayIn(workspace);
  const names = await namesIn(scope);
  const areaName = (id: string | null) => names.area(id)?.name ?? null;
  const focusAreas = await db.lofteFocusArea.findMany({
    where: { workspaceId: workspace.id, promiseId: row.id },
    select: { id: true, title: true, description: true },
    orderBy: [{ createdAt: "asc" }],
  });
  const activities = await loadActivities(scope, { promiseIds: [row.id], asOf });
  const effects = await measureEffects(scope, {
    promiseIds: [row.id],
    asOf,
    isPublic: false,
    areaName: (id) => areaName(id) ?? "?",
  });
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    startYear: row.startYear,
    endYear: row.endYear,
    organizations: row.organizationIds.map((id) => ({ id, name: names.organization(id) ?? "?" })),
    signatories: row.signatories,
    areas: row.areaIds.map((id) => ({ code: names.area(id)?.code ?? null, name: areaName(id) ?? "?" })),
    themes: row.basedOnThemes as DialogueTheme[],
    basedOn: await basedOnOf(scope, row, areaName),
    isPublished: row.isPublished,
    showsDialogueSchedule: row.showsDialogueSchedule,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    asOf,
    focusAreas,
    activities: activities.map((activity) => activityView(scope, activity, names)),
    effects: effects.map((e) => ({ ...e, areaCode: names.area(e.areaId)?.code ?? null })),
    permissions: { canEdit: actsAcrossWorkspace(actor), canPublish: actor.role === "admin" },
  };
}
