import { toLocalDate } from "../../../shared/calendar.ts";
import type { DialogueTheme } from "../../../shared/field.ts";
import { type MeasuredEffect, PUBLIC_MIN_COUNT } from "../../../shared/lofte-effects.ts";
import { type PublicPage, PublicPageSchema } from "../../../shared/schemas/medborgarlofte.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { createRateLimiter } from "../../rate-limit.ts";
import { measureEffects } from "./effects.service.ts";
import { type PublicScope, promiseBodySelect } from "./medborgarlofte.service.ts";
import { type LoadedActivity, loadActivities, namesIn } from "./progress.service.ts";
import { lookUpPublicPage, PublicPageNotFound, startAssembly } from "./public-cache.ts";
import { publicFigures } from "./public-figures.service.ts";

/**
 * Per client address, for requests that make the database work (a cached page is free): a reader
 * reloading is fine, a scraper trying workspace names is not.
 */
export const PUBLIC_PAGE_LIMIT = { windowMs: 60_000, max: 120 } as const;
export const publicPageLimiter = createRateLimiter(PUBLIC_PAGE_LIMIT);

/** How far ahead the dialogue schedule reaches, and how many past deeds the page lists. */
const SCHEDULE_DAYS = 92;
const DONE_SHOWN = 30;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function localTime(instant: Date, timeZone: string) {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("sv-SE", { timeZone, hour: "2-digit", minute: "2-digit" });
    timeFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** What was done, newest first: date, activity and area; participants only from 5 up; no free text. */
function doneList(
  activities: LoadedActivity[],
  asOf: string,
  areaName: (id: string | null) => string | null,
) {
  const deeds = activities.flatMap((activity) => [
    ...activity.entries.map((e) => ({
      doneOn: e.doneOn,
      activityTitle: activity.title,
      areaName: areaName(e.areaId),
      participants: e.participants,
    })),
    ...activity.insatser.map((i) => ({
      doneOn: i.startOn,
      activityTitle: activity.title,
      areaName: areaName(i.areaIds[0] ?? null),
      participants: null,
    })),
  ]);
  return deeds
    .filter((deed) => deed.doneOn <= asOf)
    .sort((a, b) => b.doneOn.localeCompare(a.doneOn) || a.activityTitle.localeCompare(b.activityTitle, "sv"))
    .slice(0, DONE_SHOWN)
    .map((deed) => {
      const isFew = deed.participants !== null && deed.participants < PUBLIC_MIN_COUNT;
      return { ...deed, participants: isFew ? null : deed.participants, hasFewParticipants: isFew };
    });
}

async function dialogueSchedule(
  db: Db,
  workspace: { id: string; timezone: string },
  areaName: (id: string | null) => string | null,
) {
  const now = new Date();
  const rows = await db.dialogue.findMany({
    where: {
      workspaceId: workspace.id,
      kind: "medborgardialog",
      startsAt: { gte: now, lt: new Date(now.getTime() + SCHEDULE_DAYS * 86_400_000) },
    },
    select: { startsAt: true, format: true, areaId: true, meetingPlace: true },
    orderBy: { startsAt: "asc" },
    take: 20,
  });
  return rows.map((d) => ({
    date: toLocalDate(d.startsAt, workspace.timezone),
    time: localTime(d.startsAt, workspace.timezone),
    format: d.format,
    areaName: areaName(d.areaId),
    meetingPlace: d.meetingPlace,
  }));
}

/** An incident effect whose figures would be a total of (or a part of) another public figure: verdict only. */
function withheldEffect(measured: Extract<MeasuredEffect, { kind: "incidents" }>): MeasuredEffect {
  return {
    ...measured,
    baseline: measured.baseline ? { ...measured.baseline, count: null } : null,
    current: measured.current ? { ...measured.current, count: null } : null,
    percentChange: null,
    percentInterval: null,
    isWithheld: true,
  };
}

async function assemblePublicPage(scope: PublicScope) {
  const { db, workspace } = scope;
  const asOf = toLocalDate(new Date(), workspace.timezone);
  const year = Number(asOf.slice(0, 4));
  const promises = await db.medborgarlofte.findMany({
    where: { workspaceId: workspace.id, isPublished: true, startYear: { lte: year }, endYear: { gte: year } },
    select: promiseBodySelect,
    orderBy: [{ startYear: "desc" }, { title: "asc" }],
  });
  const promiseIds = promises.map((p) => p.id);
  const names = await namesIn(scope);
  const areaName = (id: string | null) => names.area(id)?.name ?? null;
  const activities = await loadActivities(scope, { promiseIds, asOf });
  const focusAreas = await db.lofteFocusArea.findMany({
    where: { workspaceId: workspace.id, promiseId: { in: promiseIds } },
    select: { id: true, promiseId: true, title: true, description: true },
    orderBy: { createdAt: "asc" },
  });
  const effects = await measureEffects(scope, {
    promiseIds,
    asOf,
    isPublic: true,
    areaName: (id) => areaName(id) ?? "",
  });
  const figures = await publicFigures(scope, { asOf, effects });
  const shownEffects = effects.map((effect) =>
    effect.measured.kind === "incidents" && figures.isEffectWithheld(effect.id)
      ? { ...effect, measured: withheldEffect(effect.measured) }
      : effect,
  );
  const surveyNames = new Map(
    (
      await db.dataSource.findMany({
        where: { workspaceId: workspace.id, kind: "survey" },
        select: { id: true, name: true },
      })
    ).map((s) => [s.id, s.name]),
  );
  const page: PublicPage = {
    name: workspace.name,
    asOf,
    promises: promises.map((p) => ({
      ...p,
      parties: p.organizationIds.map((id) => names.organization(id) ?? "?"),
      areas: p.areaIds.map((id) => areaName(id) ?? "?"),
      basedOn: {
        dialogues: p.basedOnDialogueIds.length,
        themes: p.basedOnThemes as DialogueTheme[],
        surveys: (p.basedOnSurveys as { dataSourceId: string; indicator: string }[]).map(
          (s) => `${surveyNames.get(s.dataSourceId) ?? "?"}: ${s.indicator}`,
        ),
        lagesbilder: p.basedOnLagesbildIds.length,
      },
      focusAreas: focusAreas.filter((f) => f.promiseId === p.id),
      activities: activities
        .filter((a) => a.promiseId === p.id)
        .map((a) => ({ ...a, organizations: a.organizationIds.map((id) => names.organization(id) ?? "?") })),
      effects: shownEffects.filter((e) => e.promiseId === p.id),
    })),
    done: doneList(activities, asOf, areaName),
    fixedProblems: figures.fixedProblems,
    trends: figures.trends,
    dialogues: promises.some((p) => p.showsDialogueSchedule)
      ? await dialogueSchedule(db, workspace, areaName)
      : [],
  };
  // Only the declared fields leave: the schema strips everything else (progress text, ids of people).
  return PublicPageSchema.parse(page);
}

/** The page of the workspace with this slug, or null when there is none. */
async function assembleBySlug(db: Db, slug: string) {
  const workspace = await db.workspace.findUnique({
    where: { slug },
    select: { id: true, name: true, timezone: true },
  });
  return workspace ? assemblePublicPage({ db, workspace }) : null;
}

/**
 * The public follow-up page of a workspace: its published promises for this year with each
 * activity's progress, what was done, the chosen figures and the coming medborgardialoger. No
 * session; cached for a minute (public-cache.ts). Only a request that makes the database work
 * (an unknown workspace, or the first reader after a change) counts against its address's limit:
 * a newspaper's readers behind one address share the cached page, and a limit must not turn a
 * cached answer into an error.
 */
export async function getPublicPage({ db, clientIp }: { db: Db; clientIp: string }, slug: string) {
  const refresh = () => assembleBySlug(db, slug);
  const found = lookUpPublicPage(slug, refresh);
  if (found.kind !== "miss") return found.kind === "joined" ? await found.page : found.page;
  if (publicPageLimiter.isLimited(clientIp))
    throw new AppError("RATE_LIMITED", "Too many requests from this address; wait a minute and try again");
  publicPageLimiter.hit(clientIp);
  try {
    return await startAssembly(slug, refresh);
  } catch (error) {
    if (error instanceof PublicPageNotFound) throw new AppError("NOT_FOUND", "No such kommun");
    throw error;
  }
}

/**
 * The page when it is in the cache (a stale one starts its refresh), else null: what a request may
 * be answered with without any work or limit (server/fast-answers.ts).
 */
export function cachedPublicPageOf(db: Db, slug: string): PublicPage | null {
  const found = lookUpPublicPage(slug, () => assembleBySlug(db, slug));
  return found.kind === "fresh" || found.kind === "stale" ? found.page : null;
}
