import type { LocalDate } from "../shared/calendar.ts";
import type { MeetingPeriod } from "../shared/meeting-rhythm.ts";
import type { Db } from "./db/client.ts";
import type { Actor } from "./features/access/ownership.ts";

/** The caller's workspace as the membership row gives it (workspace.service.ts, membershipOf). */
export type CurrentWorkspace = {
  id: string;
  slug: string;
  name: string;
  meetingAnchor: LocalDate;
  meetingWeekday: number;
  timezone: string;
  basemapStyleUrl: string | null;
  meetingPeriod: MeetingPeriod;
};

/**
 * What every workspace service takes first: the database, the caller's workspace and who acts
 * (user, role, organisation). The input follows as the second argument:
 * `listWalks(scope)`, `createWalk(scope, input)`. tRPC's workspace procedures hand it over as
 * `ctx.scope`, built from the membership read for the request (no further query); scripts and
 * tests build it with `serviceScope`.
 */
export type ServiceScope = { db: Db; workspace: CurrentWorkspace; actor: Actor };

export function serviceScope(
  db: Db,
  workspace: CurrentWorkspace,
  actor: Pick<Actor, "userId" | "role"> & { organizationId?: string | null },
): ServiceScope {
  return { db, workspace, actor: { organizationId: null, ...actor } };
}

/**
 * What a read that needs no actor takes: any ServiceScope, or on a public page (no one signed in)
 * the database and the workspace the page names. `listAreas(scope)`, `listAreas({ db, workspace })`.
 */
export type WorkspaceReadScope = { db: Db; workspace: Pick<CurrentWorkspace, "id"> };

/**
 * What the statistics take (CompStat, the overview, patterns, exports): the database and the
 * whole workspace (its meeting rhythm and time zone), and no actor, so an answer cannot depend on
 * who asks and the answer cache may share it (server/answer-cache.ts, sharedAnswer).
 */
export type StatisticsScope = { db: Db; workspace: CurrentWorkspace };
