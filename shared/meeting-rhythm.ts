import {
  addDays,
  type LocalDate,
  mondayOf,
  type Period,
  periodContaining,
  previousPeriod,
} from "./calendar.ts";
import { isoWeekday } from "./periods.ts";

/** How often the EST meets: every week, every other week or every fourth week. */
export const MEETING_PERIODS = ["week", "biweek", "fourweek"] as const;
export type MeetingPeriod = (typeof MEETING_PERIODS)[number];

/** A stored rhythm's period type (the column's check allows only these). */
export function asMeetingPeriod(value: string): MeetingPeriod {
  return MEETING_PERIODS.find((period) => period === value) ?? "biweek";
}

/**
 * A workspace's meeting rhythm. Meetings fall on `weekday` (1 Monday … 7 Sunday) in the first week
 * of each period counted from `anchor` (a Monday), and review the period that has just ended.
 */
export type MeetingRhythm = { period: MeetingPeriod; weekday: number; anchor: LocalDate };

export type Meeting = { date: LocalDate; reviews: Period };

/** The meetings on or after `today`, each with the complete period it reviews. */
export function nextMeetings(rhythm: MeetingRhythm, today: LocalDate, count: number): Meeting[] {
  let period = periodContaining(rhythm.period, today, rhythm.anchor);
  if (addDays(period.start, rhythm.weekday - 1) < today)
    period = periodContaining(rhythm.period, addDays(period.end, 1), rhythm.anchor);
  const meetings: Meeting[] = [];
  for (let index = 0; index < count; index++) {
    meetings.push({ date: addDays(period.start, rhythm.weekday - 1), reviews: previousPeriod(period) });
    period = periodContaining(rhythm.period, addDays(period.end, 1), rhythm.anchor);
  }
  return meetings;
}

/** The rhythm in which a given date is a meeting day. */
export function rhythmWithMeetingOn(period: MeetingPeriod, meetingDate: LocalDate): MeetingRhythm {
  return { period, weekday: isoWeekday(meetingDate), anchor: mondayOf(meetingDate) };
}
