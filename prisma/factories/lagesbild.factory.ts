import type { Db } from "../../server/db/client.ts";
import { addFollowUp, closeInsats, createInsats } from "../../server/features/lagesbild/insatser.service.ts";
import { createLagesbild, publishLagesbild } from "../../server/features/lagesbild/lagesbild.service.ts";
import {
  setAreaStatus,
  setAssessment,
  setContribution,
} from "../../server/features/lagesbild/lagesbild-edits.service.ts";
import { resolveMembership } from "../../server/features/workspace/workspace.service.ts";
import { serviceScope } from "../../server/service-scope.ts";
import {
  addDays,
  type LocalDate,
  lastCompletePeriod,
  shiftPeriod,
  startOfLocalDay,
} from "../../shared/calendar.ts";
import {
  ASSESSMENTS,
  CONTRIBUTIONS,
  DEMO_INSATSER,
  FRAUD_ASSESSMENT,
  WATCHED_AREAS,
} from "../demo/lagesbilder.ts";

/** How many biweekly meetings the demo replays: a year, ending the period before the latest complete one. */
export const DEMO_MEETINGS = 25;

type Insats = (typeof DEMO_INSATSER)[number];
type Running = { spec: Insats; id: string; startOn: LocalDate; endOn: LocalDate; decidedAt: number };

/**
 * A year of the demo EST group's biweekly meetings, replayed through the real services as the
 * analyst: statuses for the watched areas, an assessment, the organisations' contributions,
 * insatser decided and followed up meeting after meeting (some closed with återkoppling, some
 * carried over, one overdue), each lägesbild published as its meeting would have. The latest
 * complete period is left for the user (and the tests) to draft.
 */
export async function createDemoLagesbilder(
  db: Db,
  options: { slug: string; endDate: LocalDate; organizations: Map<string, string> },
) {
  const analyst = await db.user.findUniqueOrThrow({ where: { email: "analytiker@borlange.example" } });
  const membership = await resolveMembership({ db, userId: analyst.id, slug: options.slug });
  if (!membership) throw new Error("The demo analyst is not a member of the demo workspace");
  const scope = serviceScope(db, membership.workspace, {
    userId: analyst.id,
    role: membership.role,
    organizationId: membership.organizationId,
  });
  const areaId = new Map(
    (
      await db.area.findMany({
        where: { workspaceId: membership.workspace.id },
        select: { id: true, code: true },
      })
    ).map((area) => [area.code, area.id]),
  );
  const latest = lastCompletePeriod("biweek", options.endDate, membership.workspace.meetingAnchor);
  const running: Running[] = [];
  let published = 0;
  for (let k = 0; k < DEMO_MEETINGS; k++) {
    const period = shiftPeriod(latest, k - DEMO_MEETINGS);
    const meetingDay = addDays(period.end, 2);
    // The meeting's Tuesday, 09:00 local time: what publishing and closing are stamped with.
    const clock = new Date(
      startOfLocalDay(meetingDay, membership.workspace.timezone).getTime() + 9 * 3_600_000,
    );
    const { id } = await createLagesbild(scope, { kind: "biweek", date: period.start });
    for (const [j, area] of WATCHED_AREAS.entries()) {
      const phase = k - (4 * j + 1);
      const level = phase === 2 ? "allvarligt" : phase >= 0 && phase < 6 ? "forhojt" : "normalt";
      await setAreaStatus(scope, {
        id,
        areaId: areaId.get(area.code) ?? "",
        level,
        justification: level === "normalt" ? "" : area.reason,
      });
    }
    const focus = WATCHED_AREAS[Math.floor(k / 4) % WATCHED_AREAS.length] ?? WATCHED_AREAS[0];
    const assessment =
      k >= DEMO_MEETINGS - 6
        ? FRAUD_ASSESSMENT
        : (ASSESSMENTS[k % ASSESSMENTS.length] ?? "")
            .replace("{area}", focus.name)
            .replace("{reason}", focus.reason.toLowerCase());
    await setAssessment(scope, { id, assessment });
    for (const [organization, texts] of Object.entries(CONTRIBUTIONS)) {
      const text = texts[k % (texts.length + 1)];
      const organizationId = options.organizations.get(organization);
      if (text && organizationId) await setContribution(scope, { id, organizationId, text });
    }
    for (const insats of [...running]) {
      if (insats.spec.outcome === "closed" && period.start > insats.endOn) {
        await closeInsats(scope, {
          insatsId: insats.id,
          lagesbildId: id,
          followUp: { whatDone: insats.spec.followUp, doneOn: insats.endOn, effect: insats.spec.effect },
          closedAt: clock,
        });
        running.splice(running.indexOf(insats), 1);
      } else if (insats.spec.followUp && (k - insats.decidedAt) % 2 === 0 && period.start > insats.startOn) {
        await addFollowUp(scope, {
          insatsId: insats.id,
          lagesbildId: id,
          whatDone: insats.spec.followUp,
          doneOn: addDays(period.end, -2),
        });
      }
    }
    const decided = DEMO_INSATSER.find((_, i) => (i < 5 ? 4 * i + 2 : DEMO_MEETINGS - 5) === k);
    if (decided) {
      const startOn = addDays(period.end, 8);
      const endOn = addDays(
        startOn,
        (decided.outcome === "open" ? decided.weeks + 16 : decided.weeks) * 7 - 1,
      );
      const finding = decided.area
        ? await db.walkFinding.findFirst({
            where: {
              workspaceId: membership.workspace.id,
              areaId: areaId.get(decided.area),
              category: "belysning",
            },
            select: { id: true },
          })
        : null;
      const { id: insatsId } = await createInsats(scope, {
        lagesbildId: id,
        title: decided.title,
        problem: decided.problem,
        areaIds: decided.area ? [areaId.get(decided.area) ?? ""] : [],
        organizationId: options.organizations.get(decided.organization) ?? null,
        contactName: decided.contactName,
        startOn,
        endOn,
        recurrence: decided.recurrence,
        resources: decided.resources,
        linkedRises: decided.area ? [] : [{ categoryCode: "G-BEDRAGERI", areaCode: null }],
        linkedFindingIds: finding && decided.problem.includes("belysning") ? [finding.id] : [],
        linkedThemes: decided.area ? [] : ["bedragerier_aldre"],
      });
      running.push({ spec: decided, id: insatsId, startOn, endOn, decidedAt: k });
    }
    await publishLagesbild(scope, { id, publishedAt: clock });
    published++;
  }
  return { lagesbilder: published, openInsatser: running.length };
}
