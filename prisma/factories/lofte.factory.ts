import type { Db } from "../../server/db/client.ts";
import {
  addActivity,
  addFocusArea,
  addProgress,
  linkInsats,
} from "../../server/features/medborgarlofte/activities.service.ts";
import { addEffect } from "../../server/features/medborgarlofte/effects.service.ts";
import {
  createPromise,
  publishPromise,
} from "../../server/features/medborgarlofte/medborgarlofte.service.ts";
import { setPublicSettings } from "../../server/features/medborgarlofte/public-figures.service.ts";
import { resolveMembership } from "../../server/features/workspace/workspace.service.ts";
import { type ServiceScope, serviceScope } from "../../server/service-scope.ts";
import { addDays, daysBetween, type LocalDate } from "../../shared/calendar.ts";
import { elapsedShare, plannedOccurrences } from "../../shared/medborgarlofte.ts";
import {
  DEMO_ACTIVITIES,
  DEMO_EFFECTS,
  DEMO_FOCUS_AREA,
  DEMO_PROMISE,
  type DemoActivity,
} from "../demo/medborgarlofte.ts";
import { DEMO_ACTOR_EMAILS, type DemoActor } from "../demo/organizations.ts";
import { DEMO_SURVEY_NAME } from "./survey.factory.ts";

async function scopeOf(db: Db, slug: string, actor: DemoActor): Promise<ServiceScope> {
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_ACTOR_EMAILS[actor] },
    select: { id: true },
  });
  const membership = await resolveMembership({ db, userId: user.id, slug });
  if (!membership) throw new Error(`${DEMO_ACTOR_EMAILS[actor]} is not a member of ${slug}`);
  const { workspace, role, organizationId } = membership;
  return serviceScope(db, workspace, { userId: user.id, role, organizationId });
}

/** The days an activity was carried out by the demo's last day, by its pace against the year passed. */
export function demoProgressDays(activity: DemoActivity, year: number, endDate: LocalDate): LocalDate[] {
  const start = `${year}-01-01`;
  const elapsed = elapsedShare({ start, end: `${year}-12-31` }, endDate);
  const days = daysBetween(start, endDate);
  const target =
    activity.target.kind === "count"
      ? activity.target.count
      : activity.target.kind === "frequency"
        ? plannedOccurrences(activity.target.every, activity.target.per, { start, end: `${year}-12-31` })
        : 1;
  // Evenly over the year so far (or its last ten weeks): never after the last day.
  const spread = (count: number, from: LocalDate) =>
    Array.from({ length: count }, (_, k) =>
      addDays(from, Math.floor(((k + 1) * daysBetween(from, endDate)) / (count + 1))),
    );
  switch (activity.pace) {
    case "ahead":
      return spread(Math.min(target, Math.floor(target * elapsed) + 1), start);
    case "reached":
      return spread(Math.min(target, Math.floor(target * elapsed) + 2), start);
    case "behind": {
      const recent = addDays(endDate, -70) > start ? addDays(endDate, -70) : start;
      return spread(Math.max(0, Math.floor(target * elapsed) - 3), recent);
    }
    case "fortnightly":
      // Every other week from 9 January.
      return Array.from({ length: Math.floor((days - 8) / 14) + 1 }, (_, k) =>
        addDays(start, 8 + 14 * k),
      ).filter((day) => day <= endDate);
    case "once":
      return [addDays(endDate, -30) > start ? addDays(endDate, -30) : start];
  }
}

/**
 * The demo's medborgarlöfte for the year of its last day, written through the services as the
 * demo users: a fokusområde (fraud against the elderly) with its handlingsplan, five activities
 * with their progress (one behind its target), two expected effects, and published by the admin
 * with the dialogue schedule. An insats from the year of meetings counts for the fraud meetings.
 */
export async function createDemoLofte(
  db: Db,
  options: { slug: string; endDate: LocalDate; organizations: Map<string, string> },
) {
  const year = Number(options.endDate.slice(0, 4));
  const [analyst, admin, partner] = [
    await scopeOf(db, options.slug, "analyst"),
    await scopeOf(db, options.slug, "admin"),
    await scopeOf(db, options.slug, "partner"),
  ];
  const scopes: Record<DemoActor, ServiceScope> = { analyst, admin, partner };
  const workspaceId = analyst.workspace.id;
  const orgIds = (names: readonly string[]) => names.map((name) => options.organizations.get(name) ?? "");
  const survey = await db.dataSource.findFirst({
    where: { workspaceId, name: DEMO_SURVEY_NAME },
    select: { id: true },
  });
  const dialogues = await db.dialogue.findMany({
    where: { workspaceId, kind: "medborgardialog", startsAt: { lt: new Date(`${year}-01-01T00:00:00Z`) } },
    select: { id: true },
  });
  const lagesbilder = await db.lagesbild.findMany({
    where: { workspaceId, version: { gt: 0 }, periodStart: { lt: new Date(`${year}-01-01T00:00:00Z`) } },
    select: { id: true },
    orderBy: { periodStart: "desc" },
    take: 3,
  });
  const { id: promiseId } = await createPromise(analyst, {
    title: DEMO_PROMISE.title.replace("{year}", String(year)),
    text: DEMO_PROMISE.text,
    startYear: year,
    endYear: year,
    organizationIds: orgIds(DEMO_PROMISE.parties),
    signatories: [...DEMO_PROMISE.signatories],
    areaCodes: [...DEMO_PROMISE.areaCodes],
    basedOn: {
      dialogueIds: dialogues.map((d) => d.id),
      themes: [...DEMO_PROMISE.themes],
      lagesbildIds: lagesbilder.map((l) => l.id),
      surveys: survey ? [{ dataSourceId: survey.id, indicator: DEMO_PROMISE.survey }] : [],
    },
  });
  const { id: focusAreaId } = await addFocusArea(analyst, { promiseId, ...DEMO_FOCUS_AREA });
  let entries = 0;
  for (const activity of DEMO_ACTIVITIES) {
    const { id: activityId } = await addActivity(analyst, {
      promiseId,
      focusAreaId: activity.inFocusArea ? focusAreaId : null,
      title: activity.title,
      description: activity.description,
      target: activity.target,
      unit: activity.unit,
      organizationIds: orgIds(activity.organizations),
      areaCodes: [...activity.areaCodes],
    });
    for (const [k, doneOn] of demoProgressDays(activity, year, options.endDate).entries()) {
      await addProgress(scopes[activity.recordedBy], {
        activityId,
        doneOn,
        areaCode: activity.areaCodes[k % Math.max(1, activity.areaCodes.length)] ?? null,
        whatDone: activity.whatDone,
        participants: activity.participants[k % activity.participants.length] ?? null,
      });
      entries++;
    }
    const insats =
      activity.pace === "behind"
        ? await db.insats.findFirst({ where: { workspaceId, title: activity.title }, select: { id: true } })
        : null;
    if (insats) await linkInsats(analyst, { activityId, insatsId: insats.id, isLinked: true });
  }
  for (const effect of DEMO_EFFECTS) {
    if (effect.kind === "survey" && !survey) continue;
    await addEffect(analyst, {
      promiseId,
      description: effect.description,
      desiredDirection: effect.desiredDirection,
      baselineYear: year - effect.yearsBack,
      areaCode: effect.areaCode,
      indicator:
        effect.kind === "survey"
          ? { kind: "survey", dataSourceId: survey?.id ?? "", indicator: DEMO_PROMISE.survey }
          : { kind: "incidents", categoryCode: effect.categoryCode },
    });
  }
  await publishPromise(admin, { id: promiseId, isPublished: true, showsDialogueSchedule: true });
  // The public page's figures: two crime groups in the promise's areas, and the fixed problems.
  await setPublicSettings(admin, {
    categoryCodes: ["G-SKADEGORELSE", "G-STOLD"],
    areaCodes: [...DEMO_PROMISE.areaCodes],
    showsFixedProblems: true,
  });
  return { promiseId, activities: DEMO_ACTIVITIES.length, progressEntries: entries };
}
