import { z } from "zod";
import { MEETING_PERIODS } from "../meeting-rhythm.ts";
import { LocalDateSchema } from "./overview.ts";

/** An admin sets the rhythm by its period type and the date of one meeting in it (any weekday). */
export const MeetingRhythmInputSchema = z.object({
  period: z.enum(MEETING_PERIODS),
  meetingDate: LocalDateSchema,
});
export type MeetingRhythmInput = z.infer<typeof MeetingRhythmInputSchema>;

export const MeetingRhythmSchema = z.object({
  period: z.enum(MEETING_PERIODS),
  weekday: z.number().int().min(1).max(7),
  anchor: z.string(),
});
