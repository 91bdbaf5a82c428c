import { useSearchParams } from "react-router";
import {
  addDays,
  formatIsoWeek,
  isIsoWeek,
  isoWeekOf,
  isoWeekStart,
  type Period,
  parseIsoWeek,
  shiftPeriod,
  toLocalDate,
} from "../../../../shared/calendar.ts";
import {
  DIALOGUE_THEMES,
  type DialogueTheme,
  FINDING_STATUSES,
  type FindingStatus,
} from "../../../../shared/field.ts";
import { FIELD_LAYERS, type FieldLayer } from "../../../../shared/field-layers.ts";
import type { MeetingPeriod } from "../../../../shared/meeting-rhythm.ts";
import {
  currentViewPeriod,
  isPeriodComplete,
  isViewKind,
  latestCompleteViewPeriod,
  periodInputOf,
  periodSoFar,
  switchViewKind,
  type ViewKind,
  viewPeriodFrom,
} from "../../../../shared/periods.ts";

const split = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** The ISO week a period is named by in the URL: the one holding its seventh day, always inside it. */
const fromOf = (period: Period) => formatIsoWeek(isoWeekOf(addDays(period.start, 6)));

type Rhythm = { meetingAnchor: string; meetingPeriod: MeetingPeriod; timezone: string };

/**
 * The overview's filter lives in the URL (?period=biweek&from=2026-W45&areas=…&categories=…&sources=…
 * &findings=open&findingStatus=…&themes=…&field=…), so a view can be bookmarked, shared and
 * projected as it is. Without a period it shows the latest complete period of the meeting rhythm.
 */
export function useOverviewFilter(workspace: Rhythm) {
  const [params, setParams] = useSearchParams();
  const anchor = workspace.meetingAnchor;
  const requested = params.get("period");
  const view: ViewKind = isViewKind(requested) ? requested : workspace.meetingPeriod;
  const from = params.get("from");
  // The browser's date in the workspace's zone: what "today" is for this user (decisions/019).
  const today = toLocalDate(new Date(), workspace.timezone);
  const latest = latestCompleteViewPeriod(view, today, anchor);
  const current = currentViewPeriod(view, today, anchor);
  const chosen =
    from && isIsoWeek(from) ? viewPeriodFrom(view, isoWeekStart(parseIsoWeek(from)), anchor) : latest;
  // Nothing past the period that holds today: the future has no figures.
  const period = chosen.start > current.start ? current : chosen;
  const isComplete = isPeriodComplete(period, today);
  const meetingLatest = latestCompleteViewPeriod(workspace.meetingPeriod, today, anchor);
  const twoWeeks = latestCompleteViewPeriod("twoweeks", today, anchor);
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
      (currentParams) => {
        const next = new URLSearchParams(currentParams);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: false },
    );

  return {
    view,
    period,
    today,
    isComplete,
    /** The days counted: the whole period, or up to today while it runs. */
    observed: periodSoFar(period, today),
    isLatest: period.start === latest.start,
    isMeetingPeriod: view === workspace.meetingPeriod && period.start === meetingLatest.start,
    isTwoWeeks: view === "twoweeks" && period.start === twoWeeks.start,
    isToday: period.start === current.start,
    canGoForward: period.start < current.start,
    filter: {
      period: periodInputOf(view, period),
      today,
      areaCodes,
      categoryCodes,
      sourceIds,
      findingScope,
      findingStatuses,
      themes,
    },
    /** Field input drawn on the map (not a data filter: the table counts it either way). */
    fieldLayers,
    setKind: (next: ViewKind) =>
      update({ period: next, from: fromOf(switchViewKind(period, next, today, anchor)) }),
    step: (steps: number) => update({ from: fromOf(shiftPeriod(period, steps)) }),
    goToLatest: () => update({ from: null }),
    goToMeetingPeriod: () => update({ period: null, from: null }),
    goToTwoWeeks: () => update({ period: "twoweeks", from: null }),
    goToToday: () => update({ from: fromOf(current) }),
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
