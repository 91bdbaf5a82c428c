import { z } from "zod";
import { isLocalDate, mondayOf, PERIOD_KINDS } from "../calendar.ts";
import { DIALOGUE_THEMES, FINDING_CATEGORIES, FINDING_STATUSES, REPORT_CATEGORIES } from "../field.ts";

/** Dates the calendar arithmetic handles (a period past year 9999 has no YYYY-MM-DD form). */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2199-12-31";

export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: "must be a date YYYY-MM-DD" })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, {
    message: `must be a date between ${EARLIEST_DATE} and ${LATEST_DATE}`,
  });

export const PeriodInputSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  /** Any day inside the wanted period; the server snaps it to the period's bounds. */
  date: LocalDateSchema,
  /**
   * A Monday that week-based periods are counted from instead of the workspace's meeting anchor
   * ("the last two complete weeks" whatever the rhythm).
   */
  anchor: LocalDateSchema.refine((date) => isLocalDate(date) && mondayOf(date) === date, {
    message: "must be a Monday",
  }).optional(),
});
export type PeriodInput = z.infer<typeof PeriodInputSchema>;

const CodeListSchema = z.array(z.string().min(1).max(64)).max(500);

export const OverviewFilterInputSchema = z.object({
  period: PeriodInputSchema,
  /** Area codes (DeSO, RegSO, kommun); empty means every area. */
  areaCodes: CodeListSchema.default([]),
  /** Category codes at any level of the tree; empty means every category. */
  categoryCodes: CodeListSchema.default([]),
  /** Data sources (ids); empty means every source. */
  sourceIds: z.array(z.uuid()).max(50).default([]),
  /**
   * Which findings: those recorded in the period (default), or every finding still open at the
   * period's end wherever it was recorded, with its status then (the meeting's backlog).
   */
  findingScope: z.enum(["recorded", "open"]).default("recorded"),
  /** Safety-walk findings in these statuses; empty means every status. */
  findingStatuses: z.array(z.enum(FINDING_STATUSES)).max(5).default([]),
  /** Dialogue themes; empty means every theme. */
  themes: z.array(z.enum(DIALOGUE_THEMES)).max(20).default([]),
  /**
   * The user's calendar date (the workspace's time zone), which decides whether the period is still
   * running and how much of the earlier periods compares with it; the server's own date when absent
   * (docs/decisions/019).
   */
  today: LocalDateSchema.optional(),
});
export type OverviewFilterInput = z.input<typeof OverviewFilterInputSchema>;

export const WeeklyTrendInputSchema = OverviewFilterInputSchema.extend({
  weeks: z.number().int().min(4).max(260).default(52),
});

export const DistrictStatSchema = z.object({
  areaId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  population: z.number().nullable(),
  count: z.number(),
  previousCount: z.number(),
  rate: z.number().nullable(),
  change: z.number(),
  changePercent: z.number().nullable(),
  /** Safety-walk findings recorded in the district in the period. */
  findings: z.number(),
  /** Approved partner and citizen reports in the district in the period. */
  reports: z.number(),
  /** Dialogue themes raised about the district in dialogues held in the period. */
  themes: z.number(),
});
export type DistrictStat = z.infer<typeof DistrictStatSchema>;

export const DistrictStatsOutputSchema = z.object({
  period: z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string() }),
  /** The days counted: the whole period, or up to today while it runs. */
  observed: z.object({ start: z.string(), end: z.string() }),
  /** False while the period runs: the counts are so far and the previous period is as many days. */
  isComplete: z.boolean(),
  previous: z.object({ start: z.string(), end: z.string() }),
  populationYear: z.number().nullable(),
  rows: z.array(DistrictStatSchema),
  total: DistrictStatSchema.omit({ areaId: true, code: true }),
});
export type DistrictStatsOutput = z.infer<typeof DistrictStatsOutputSchema>;

export const WeeklyTrendOutputSchema = z.object({
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      isoWeek: z.string(),
      count: z.number(),
      /** The same ISO week a year earlier; for a week cut short, its first `days` days. */
      lastYearCount: z.number(),
      /** Days of the week counted: 7, or fewer for a week cut short by today or the period's end. */
      days: z.number(),
      isPartial: z.boolean(),
    }),
  ),
});
export type WeeklyTrendOutput = z.infer<typeof WeeklyTrendOutputSchema>;

export const POINT_PRECISIONS = ["exact", "area_centroid", "kommun_centroid"] as const;

/** Incidents with coordinates in the period, summed per location (many share a centroid). */
export const IncidentPointsOutputSchema = z.object({
  points: z.array(
    z.object({
      lon: z.number(),
      lat: z.number(),
      precision: z.enum(POINT_PRECISIONS),
      count: z.number(),
    }),
  ),
  /** Incidents per precision, and how many had no coordinates at all. */
  byPrecision: z.record(z.enum(POINT_PRECISIONS), z.number()),
  withoutPoint: z.number(),
  /** True when more locations exist than were sent (the largest are kept). */
  truncated: z.boolean(),
});
export type IncidentPointsOutput = z.infer<typeof IncidentPointsOutputSchema>;

export { FIELD_LAYERS, type FieldLayer } from "../field-layers.ts";

/** What people saw and said in the period, for the map: no free text, no names. */
export const FieldLayersOutputSchema = z.object({
  findings: z.array(
    z.object({
      id: z.string(),
      walkId: z.string().nullable(),
      lon: z.number(),
      lat: z.number(),
      category: z.enum(FINDING_CATEGORIES),
      status: z.enum(FINDING_STATUSES),
      severity: z.number(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      lon: z.number(),
      lat: z.number(),
      category: z.enum(REPORT_CATEGORIES),
      kind: z.enum(["partner", "citizen"]),
      date: z.string(),
    }),
  ),
  /** Per district: each theme raised about it, how often and how strongly at most. */
  themes: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string(),
      lon: z.number(),
      lat: z.number(),
      mentions: z.array(
        z.object({ theme: z.enum(DIALOGUE_THEMES), count: z.number(), strength: z.number() }),
      ),
    }),
  ),
});
export type FieldLayersOutput = z.infer<typeof FieldLayersOutputSchema>;
