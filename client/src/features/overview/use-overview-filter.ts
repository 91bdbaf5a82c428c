import { useSearchParams } from "react-router";
import {
  formatIsoWeek,
  isIsoWeek,
  isoWeekOf,
  isoWeekStart,
  lastCompletePeriod,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  parseIsoWeek,
  periodContaining,
  shiftPeriod,
  toLocalDate,
} from "../../../../shared/calendar.ts";

import {
  DIALOGUE_THEMES,
  type DialogueTheme,
  FINDING_STATUSES,
  type FindingStatus,
} from "../../../../shared/field.ts";
import { FIELD_LAYERS, type FieldLayer } from "../../../../shared/schemas/overview.ts";

const split = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/**
 * The overview's filter lives in the URL (?period=biweek&from=2026-W45&areas=…&categories=…&sources=…
 * &findings=open&findingStatus=…&themes=…&field=…),
 * so a view can be bookmarked, shared and projected as it is.
 */
export function useOverviewFilter(meetingAnchor: string) {
  const [params, setParams] = useSearchParams();
  const requested = params.get("period");
  const kind: PeriodKind = PERIOD_KINDS.find((candidate) => candidate === requested) ?? "biweek";
  const from = params.get("from");
  const today = toLocalDate(new Date());
  const latest = lastCompletePeriod(kind, today, meetingAnchor);
  const period: Period =
    from && isIsoWeek(from)
      ? periodContaining(kind, isoWeekStart(parseIsoWeek(from)), meetingAnchor)
      : latest;
  const areaCodes = split(params.get("areas"));
  const categoryCodes = split(params.get("categories"));
  const sourceIds = split(params.get("sources"));
  const findingScope = params.get("findings") === "open" ? ("open" as const) : ("recorded" as const);
  const findingStatuses = split(params.get("findingStatus")).filter((value): value is FindingStatus =>
    (FINDING_STATUSES as readonly string[]).includes(value),
  );
  const themes = split(params.get("themes")).filter((value): value is DialogueTheme =>
    (DIALOGUE_THEMES as readonly string[]).includes(value),
  );
  const fieldLayers = split(params.get("field")).filter((value): value is FieldLayer =>
    (FIELD_LAYERS as readonly string[]).includes(value),
  );

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: false },
    );
  const fromOf = (target: Period) => formatIsoWeek(isoWeekOf(target.start));

  return {
    period,
    isLatest: period.start === latest.start,
    canGoForward: period.start < latest.start,
    filter: {
      period: { kind, date: period.start },
      areaCodes,
      categoryCodes,
      sourceIds,
      findingScope,
      findingStatuses,
      themes,
    },
    /** Field input drawn on the map (not a data filter: the table counts it either way). */
    fieldLayers,
    setKind: (next: PeriodKind) =>
      update({
        period: next === "biweek" ? null : next,
        from: fromOf(periodContaining(next, period.start, meetingAnchor)),
      }),
    step: (steps: number) => update({ from: fromOf(shiftPeriod(period, steps)) }),
    goToLatest: () => update({ from: null }),
    setAreas: (codes: string[]) => update({ areas: codes.join(",") || null }),
    toggleArea: (code: string) =>
      update({
        areas:
          (areaCodes.includes(code) ? areaCodes.filter((c) => c !== code) : [...areaCodes, code]).join(",") ||
          null,
      }),
    setCategories: (codes: string[]) => update({ categories: codes.join(",") || null }),
    setSources: (ids: string[]) => update({ sources: ids.join(",") || null }),
    setFindingScope: (scope: "recorded" | "open") => update({ findings: scope === "open" ? scope : null }),
    setFindingStatuses: (values: string[]) => update({ findingStatus: values.join(",") || null }),
    setThemes: (values: string[]) => update({ themes: values.join(",") || null }),
    setFieldLayers: (values: string[]) => update({ field: values.join(",") || null }),
  };
}

export type OverviewFilterState = ReturnType<typeof useOverviewFilter>;
