import { DEMO_WALKS, type DemoFinding, type DemoWalk } from "../demo/walks.ts";
import { addFinding, changeFindingStatus, createWalk } from "../../server/features/walks/walks.service.ts";
import { addDays, type LocalDate } from "../../shared/calendar.ts";
import {
  AddFindingInputSchema,
  ChangeFindingStatusInputSchema,
  CreateWalkInputSchema,
} from "../../shared/schemas/field.ts";
import {
  type DemoFieldContext,
  localInstant,
  offsetPoint,
  pointAlong,
  pointInDistrict,
} from "./demo-field-support.ts";

type Point = [number, number];
const MINUTE = 60_000;

/**
 * The demo's safety walks and their findings, recorded through the walk services as the demo users
 * who would record them, then dated back to when they happened (the services stamp "now").
 */
export async function createDemoWalks(context: DemoFieldContext, walks: DemoWalk[] = DEMO_WALKS) {
  let findings = 0;
  for (const plan of walks) {
    const day = addDays(context.endDate, -plan.daysBeforeEnd);
    const startsAt = localInstant(day, plan.time, context.workspace.timezone);
    const route = walkRoute(context, plan);
    const walk = await createWalk(
      context.actors[plan.createdBy],
      CreateWalkInputSchema.parse({
        areaCode: plan.areaCode,
        startsAt: startsAt.toISOString(),
        meetingPlace: plan.meetingPlace,
        route: { type: "LineString", coordinates: route },
        stops: plan.stops,
        organizers: plan.organizers,
        participants: plan.participants,
      }),
    );
    await context.db.safetyWalk.update({
      where: { workspaceId_id: { workspaceId: context.workspace.id, id: walk.id } },
      data: { createdAt: new Date(startsAt.getTime() - 14 * 24 * 60 * MINUTE) },
    });
    for (const [index, finding] of plan.findings.entries()) {
      const recordedAt = new Date(startsAt.getTime() + (15 + index * 20) * MINUTE);
      const target = pointAlong(route, (index + 0.5) / plan.findings.length);
      const point = pointInDistrict(context.random, context.district(plan.areaCode), target, 30);
      await createDemoFinding(context, { plan, day, walkId: walk.id, recordedAt, point, finding });
      findings++;
    }
  }
  return { walks: walks.length, findings };
}

/** A loop from the meeting place past one point per stop and back, inside the walk's district. */
function walkRoute({ random, district }: DemoFieldContext, plan: DemoWalk): Point[] {
  const area = district(plan.areaCode);
  const start = pointInDistrict(random, area, area.centre, 80);
  const turn = random.next() * 2 * Math.PI;
  const stops = plan.stops.map((_, index) => {
    const target = offsetPoint(
      area.centre,
      turn + (index * 2 * Math.PI) / plan.stops.length,
      220 + random.next() * 160,
    );
    return pointInDistrict(random, area, target, 40);
  });
  return [start, ...stops, start];
}

async function createDemoFinding(
  context: DemoFieldContext,
  input: {
    plan: DemoWalk;
    day: LocalDate;
    walkId: string;
    recordedAt: Date;
    point: Point;
    finding: DemoFinding;
  },
) {
  const { db, workspace, actors } = context;
  const { plan, day, finding } = input;
  const owner = ownerOf(context, finding);
  const dueOn = finding.dueAfter === undefined ? null : addDays(day, finding.dueAfter);
  const created = await addFinding(
    actors[plan.createdBy],
    AddFindingInputSchema.parse({
      walkId: input.walkId,
      lon: input.point[0],
      lat: input.point[1],
      category: finding.category,
      description: finding.description,
      severity: finding.severity,
      ...(finding.isAssignedOnWalk ? { ...owner, dueOn } : {}),
    }),
  );
  const times = [input.recordedAt];
  for (const step of finding.steps) {
    if (step.after > plan.daysBeforeEnd) throw new Error(`A demo finding changes after the demo's end`);
    // The meeting assigns and rejects; the owner's own staff report progress where the demo has them.
    const actor = step.to === "tilldelad" || step.to === "avvisad" ? "analyst" : actorOf(finding);
    await changeFindingStatus(
      actors[actor],
      ChangeFindingStatusInputSchema.parse({
        findingId: created.id,
        status: step.to,
        reason: step.reason ?? null,
        ...(step.to === "tilldelad" ? { ...owner, dueOn } : {}),
      }),
    );
    times.push(localInstant(addDays(day, step.after), "10:00", workspace.timezone));
  }
  const changes = await db.findingStatusChange.findMany({
    where: { workspaceId: workspace.id, findingId: created.id },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (changes.length !== times.length) throw new Error("A demo finding's history is incomplete");
  for (const [index, change] of changes.entries())
    await db.findingStatusChange.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id: change.id } },
      data: { changedAt: times[index] },
    });
  await db.walkFinding.update({
    where: { workspaceId_id: { workspaceId: workspace.id, id: created.id } },
    data: { createdAt: input.recordedAt, updatedAt: times.at(-1) },
  });
}

function ownerOf(context: DemoFieldContext, finding: DemoFinding) {
  if (finding.owner === undefined) return { ownerOrganizationId: null, ownerName: null };
  if (typeof finding.owner === "object") return { ownerOrganizationId: null, ownerName: finding.owner.name };
  const id = context.organizations.get(finding.owner);
  if (!id) throw new Error(`The demo has no organisation ${finding.owner}`);
  return { ownerOrganizationId: id, ownerName: null };
}

/** The demo user of the finding's owner, or the analyst where the owner has no writer in the demo. */
function actorOf(finding: DemoFinding) {
  if (finding.owner === "Tunabyggen") return "partner";
  if (finding.owner === "Borlänge kommun") return "admin";
  return "analyst";
}
