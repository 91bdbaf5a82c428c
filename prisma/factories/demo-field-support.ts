import { TZDate } from "@date-fns/tz";
import type { Db } from "../../server/db/client.ts";
import { districtContaining } from "../../server/features/areas/areas.service.ts";
import {
  type CurrentWorkspace,
  resolveMembership,
} from "../../server/features/workspace/workspace.service.ts";
import { type ServiceScope, serviceScope } from "../../server/service-scope.ts";
import type { LocalDate } from "../../shared/calendar.ts";
import { DEMO_ACTOR_EMAILS, type DemoActor } from "../demo/organizations.ts";
import { createRandom } from "./random.ts";

type Point = [number, number];
type District = { code: string; geometry: unknown; centre: Point };

/** A demo user as a procedure's scope holds them, so the real services can be called as them. */
export type DemoActorScope = ServiceScope;

/** What the demo's walk, report and dialogue factories share. */
export type DemoFieldContext = {
  db: Db;
  workspace: CurrentWorkspace;
  endDate: LocalDate;
  actors: Record<DemoActor, DemoActorScope>;
  organizations: Map<string, string>;
  random: ReturnType<typeof createRandom>;
  district: (code: string) => District;
};

export async function createDemoFieldContext(
  db: Db,
  options: { slug: string; endDate: LocalDate; organizations: Map<string, string>; seed: number },
): Promise<DemoFieldContext> {
  const actors = {} as Record<DemoActor, DemoActorScope>;
  let workspace: CurrentWorkspace | null = null;
  for (const [actor, email] of Object.entries(DEMO_ACTOR_EMAILS) as [DemoActor, string][]) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const membership = await resolveMembership({ db, userId: user.id, slug: options.slug });
    if (!membership) throw new Error(`${email} is not a member of ${options.slug}`);
    workspace = membership.workspace;
    actors[actor] = serviceScope(db, workspace, {
      userId: user.id,
      role: membership.role,
      organizationId: membership.organizationId,
    });
  }
  if (!workspace) throw new Error("The demo has no users to act as");
  const rows = await db.area.findMany({
    where: { workspaceId: workspace.id, kind: "deso" },
    select: { code: true, geometry: true, centroidLon: true, centroidLat: true },
  });
  const districts = new Map<string, District>(
    rows.map((row) => [
      row.code ?? "",
      { code: row.code ?? "", geometry: row.geometry, centre: [row.centroidLon ?? 0, row.centroidLat ?? 0] },
    ]),
  );
  return {
    db,
    workspace,
    endDate: options.endDate,
    actors,
    organizations: options.organizations,
    random: createRandom(options.seed),
    district: (code) => {
      const district = districts.get(code);
      if (!district) throw new Error(`The demo has no DeSO ${code}`);
      return district;
    },
  };
}

/** The instant a local date and time ("18:30") fall on in the workspace's time zone. */
export function localInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, day, hours, minutes, timeZone).getTime());
}

/** A point `metres` from `from` in the direction `angle` (radians from east). */
export function offsetPoint([lon, lat]: Point, angle: number, metres: number): Point {
  return [
    lon + (metres * Math.cos(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180)),
    lat + (metres * Math.sin(angle)) / 110_540,
  ];
}

/**
 * A random point within `metres` of `target` that lies inside the district (so the services place
 * it there), drawn towards the district's centre when the target is near its edge.
 */
export function pointInDistrict(
  random: DemoFieldContext["random"],
  district: District,
  target: Point,
  metres: number,
): Point {
  let aim = target;
  for (let attempt = 1; attempt <= 24; attempt++) {
    const [lon, lat] = offsetPoint(aim, random.next() * 2 * Math.PI, metres * Math.sqrt(random.next()));
    const candidate: Point = [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
    if (districtContaining([district], candidate)) return candidate;
    if (attempt % 4 === 0) aim = [(aim[0] + district.centre[0]) / 2, (aim[1] + district.centre[1]) / 2];
  }
  return district.centre;
}

/** The point a fraction (0–1) of the way along a line. */
export function pointAlong(line: Point[], fraction: number): Point {
  const lengths = line.slice(1).map((point, index) => {
    const previous = line[index] ?? point;
    return Math.hypot(point[0] - previous[0], (point[1] - previous[1]) * 2);
  });
  let remaining = lengths.reduce((sum, length) => sum + length, 0) * fraction;
  for (const [index, length] of lengths.entries()) {
    const from = line[index] as Point;
    const to = line[index + 1] as Point;
    if (remaining <= length || index === lengths.length - 1) {
      const share = length === 0 ? 0 : Math.min(1, remaining / length);
      return [from[0] + (to[0] - from[0]) * share, from[1] + (to[1] - from[1]) * share];
    }
    remaining -= length;
  }
  return line[0] as Point;
}
