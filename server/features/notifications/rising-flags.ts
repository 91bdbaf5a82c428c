import {
  addDays,
  type LocalDate,
  type Period,
  periodContaining,
  previousPeriod,
  startOfLocalDay,
} from "../../../shared/calendar.ts";
import { isPeriodComplete } from "../../../shared/periods.ts";
import { CompstatInputSchema, type RisingNowOutput } from "../../../shared/schemas/analysis.ts";
import { workspaceAnswer } from "../../answer-cache.ts";
import type { Db } from "../../db/client.ts";
import { getRisingNow } from "../analysis/analysis.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

export type NewRisingFlags = { period: Period; arisenAt: Date; pairs: RisingNowOutput };

/** Every flagged pair the judged period can hold; rising-now's own list stops at 8. */
const PAIR_LIMIT = 500;
async function flaggedIn(db: Db, workspace: CurrentWorkspace, period: Period, today: LocalDate) {
  const input = CompstatInputSchema.parse({ period: { kind: period.kind, date: period.start }, today });
  return getRisingNow({ db, workspace }, input, { limit: PAIR_LIMIT });
}

/**
 * The rising-now flags of the latest complete period of the workspace's meeting rhythm that the
 * period before did not have: a pair still rising is told about once, when it starts.
 */
export async function newRisingFlags(
  db: Db,
  workspace: CurrentWorkspace,
  today: LocalDate,
): Promise<NewRisingFlags> {
  const running = periodContaining(workspace.meetingPeriod, today, workspace.meetingAnchor);
  const period = isPeriodComplete(running, today) ? running : previousPeriod(running);
  // Every bell and page read shares one answer until the workspace's data changes.
  return workspaceAnswer({ db, workspace }, "notifications.newRisingFlags", { period, today }, async () => {
    const [now, before] = await Promise.all([
      flaggedIn(db, workspace, period, today),
      flaggedIn(db, workspace, previousPeriod(period), today),
    ]);
    const earlier = new Set(before.map((pair) => `${pair.categoryCode}|${pair.areaCode}`));
    return {
      period,
      arisenAt: startOfLocalDay(addDays(period.end, 1), workspace.timezone),
      pairs: now.filter((pair) => !earlier.has(`${pair.categoryCode}|${pair.areaCode}`)),
    };
  });
}
