import { daysBetween, localDateToDbDate } from "../../../shared/calendar.ts";
import { type MeetingRhythm, rhythmWithMeetingOn } from "../../../shared/meeting-rhythm.ts";
import type { MeetingRhythmInput } from "../../../shared/schemas/meeting-rhythm.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";

const PERIOD_DAYS = { week: 7, biweek: 14, fourweek: 28 } as const;

/**
 * Sets the meeting rhythm from one meeting's date: its weekday, and the Monday of its week as the
 * anchor the periods are counted from. An anchor that names the same weeks as the stored one is
 * kept, so saving an unchanged rhythm moves no other period type's boundaries.
 */
export async function updateMeetingRhythm(
  { db, workspace, actor }: ServiceScope,
  input: MeetingRhythmInput,
): Promise<MeetingRhythm> {
  const wanted = rhythmWithMeetingOn(input.period, input.meetingDate);
  const isSamePhase = daysBetween(workspace.meetingAnchor, wanted.anchor) % PERIOD_DAYS[input.period] === 0;
  const rhythm = { ...wanted, anchor: isSamePhase ? workspace.meetingAnchor : wanted.anchor };
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "settings_updated",
      target: { type: "workspace", id: workspace.id },
      details: { meetingPeriod: rhythm.period, meetingWeekday: rhythm.weekday, meetingAnchor: rhythm.anchor },
    });
    await tx.workspace.update({
      where: { id: workspace.id },
      data: {
        meetingPeriod: rhythm.period,
        meetingWeekday: rhythm.weekday,
        meetingAnchorDate: localDateToDbDate(rhythm.anchor),
      },
      select: { id: true },
    });
  });
  return rhythm;
}
