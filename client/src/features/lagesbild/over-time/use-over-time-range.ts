import { useSearchParams } from "react-router";
import {
  isLocalDate,
  type Period,
  periodContaining,
  shiftPeriod,
  toLocalDate,
} from "../../../../../shared/calendar.ts";

export type OverTimeKind = "quarter" | "year";

/**
 * The analysis's quarter or year lives in the URL (?period=year&date=2026-08-17), so a view can be
 * bookmarked and shared; without one, the quarter containing today.
 */
export function useOverTimeRange() {
  const [params, setParams] = useSearchParams();
  const kind: OverTimeKind = params.get("period") === "year" ? "year" : "quarter";
  const requested = params.get("date");
  const date = requested && isLocalDate(requested) ? requested : toLocalDate(new Date());
  // Quarters and years are calendar ones: the meeting anchor plays no part.
  const range: Period = periodContaining(kind, date, date);
  const update = (next: { kind: OverTimeKind; date: string }) =>
    setParams({ ...(next.kind === "year" ? { period: "year" } : {}), date: next.date });
  return {
    kind,
    range,
    input: { kind, date: range.start },
    setKind: (next: OverTimeKind) => update({ kind: next, date: range.start }),
    step: (steps: number) => update({ kind, date: shiftPeriod(range, steps).start }),
  };
}

export type OverTimeRange = ReturnType<typeof useOverTimeRange>;
