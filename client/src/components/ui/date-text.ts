import { isLocalDate } from "../../../../shared/calendar.ts";

// Dates and times as Swedes write them: ÅÅÅÅ-MM-DD and TT:MM on a 24-hour clock.

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isTimeOfDay = (text: string) => TIME.test(text);

/** "20260305" or "2026-3-5" as 2026-03-05 when that is a real date; anything else as typed. */
export function normaliseDate(text: string): string {
  const trimmed = text.trim();
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (!digits) return trimmed;
  const date = `${digits[1]}-${digits[2]?.padStart(2, "0")}-${digits[3]?.padStart(2, "0")}`;
  return isLocalDate(date) ? date : trimmed;
}

/** "2130" or "9:30" as 21:30 or 09:30. */
export function normaliseTime(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(trimmed);
  if (!match) return trimmed;
  const time = `${match[1]?.padStart(2, "0")}:${match[2]}`;
  return TIME.test(time) ? time : trimmed;
}
