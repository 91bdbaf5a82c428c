import { type LocalDate, toLocalDate } from "../../../shared/calendar.ts";

/**
 * The date a filter is read on: the user's own when the filter brings one (docs/decisions/019), else
 * the workspace's date now. It decides only whether a period is still running and what it compares with.
 */
export function todayFor(
  filter: { today?: LocalDate | undefined },
  workspace: { timezone: string },
): LocalDate {
  return filter.today ?? toLocalDate(new Date(), workspace.timezone);
}
