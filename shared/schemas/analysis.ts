import { z } from "zod";
import { ExportSortSchema, sortColumnIssues } from "./exports.ts";
import { OverviewFilterInputSchema } from "./overview.ts";

export const DATE_BASES = ["registered", "occurred"] as const;
export type DateBasis = (typeof DATE_BASES)[number];

export const CompstatInputSchema = OverviewFilterInputSchema.extend({
  /** Registration date (as in official statistics) or the date the crime was committed. */
  dateBasis: z.enum(DATE_BASES).default("registered"),
  groupBy: z.enum(["category", "area"]).default("category"),
});
export type CompstatInput = z.input<typeof CompstatInputSchema>;

const RangeSchema = z.object({ start: z.string(), end: z.string() });

export const SustainedWindowSchema = z.object({
  key: z.enum(["weeks13", "weeks26", "weeks52", "yearToDate", "period"]),
  weeks: z.number(),
  current: z.number(),
  earlier: z.number(),
  changePercent: z.number().nullable(),
  pValue: z.number().nullable(),
});

/** The sustained flag ("ökar över tid"): shared/rising-over-time.ts. */
export const SustainedSchema = z.object({
  level: z.enum(["sure", "likely", "none", "too_few"]),
  /** The window the verdict speaks of. */
  window: SustainedWindowSchema.nullable(),
  /** Family-wise over the tested windows. */
  pValue: z.number().nullable(),
  dispersion: z.number(),
  windows: z.array(SustainedWindowSchema),
});

export const CompstatRowSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  nameSv: z.string(),
  nameEn: z.string(),
  depth: z.number(),
  current: z.number(),
  previous: z.number(),
  change: z.number(),
  changePercent: z.number().nullable(),
  /** Current count per 1,000 inhabitants of the row's area (or of the selected areas). */
  rate: z.number().nullable(),
  lastYear: z.number(),
  yearToDate: z.number(),
  lastYearToDate: z.number(),
  /** Counts of the last 13 periods, oldest first, ending with the current one. */
  sparkline: z.array(z.number()),
  /** The flag the view uses: the period flag, or for years and quarters the sustained flag in its terms. */
  flag: z.object({
    level: z.enum(["clear", "possible", "normal", "too_few"]),
    expected: z.number(),
    pValue: z.number().nullable(),
    dispersion: z.number(),
    /** The window the p belongs to (1 or 2 periods) and its counts. */
    periods: z.number(),
    windowObserved: z.number(),
    windowExpected: z.number(),
  }),
  sustained: SustainedSchema,
});
export type CompstatRow = z.infer<typeof CompstatRowSchema>;

export const CompstatOutputSchema = z.object({
  dateBasis: z.enum(DATE_BASES),
  /** "sustained" for years and quarters, whose flag compares the period with the same period a year earlier. */
  flagBasis: z.enum(["period", "sustained"]),
  /** The last day the sustained flag's windows include (the period's end, or the last day with data). */
  sustainedEnd: z.string(),
  /** The population year the rates use (the period's, or the nearest available). */
  populationYear: z.number().nullable(),
  current: RangeSchema.extend({ kind: z.string() }),
  /** The days counted: the whole period, or up to today while it runs. */
  observed: RangeSchema,
  /**
   * False while the period runs: the counts are so far, and previous, last year and last year to
   * date are as many days (the period flag is not shown).
   */
  isComplete: z.boolean(),
  previous: RangeSchema,
  lastYear: RangeSchema,
  yearToDate: RangeSchema,
  lastYearToDate: RangeSchema,
  rows: z.array(CompstatRowSchema),
});
export type CompstatOutput = z.infer<typeof CompstatOutputSchema>;

/** A category in an area, by code and name: what the rising lists (and the lägesbild's copies) name. */
export const CategoryAreaPairSchema = z.object({
  categoryCode: z.string(),
  categoryNameSv: z.string(),
  categoryNameEn: z.string(),
  areaCode: z.string().nullable(),
  areaName: z.string(),
});

export const RisingPairSchema = CategoryAreaPairSchema.extend({
  current: z.number(),
  expected: z.number(),
  pValue: z.number(),
  level: z.enum(["clear", "possible"]),
});
export const RisingNowOutputSchema = z.array(RisingPairSchema);
export type RisingNowOutput = z.infer<typeof RisingNowOutputSchema>;

export const RisingOverTimeOutputSchema = z.array(
  CategoryAreaPairSchema.extend({
    level: z.enum(["sure", "likely"]),
    pValue: z.number(),
    window: SustainedWindowSchema,
  }),
);
export type RisingOverTimeOutput = z.infer<typeof RisingOverTimeOutputSchema>;

export const ExportInputSchema = CompstatInputSchema.extend({
  view: z.enum(["compstat", "districts"]),
  format: z.enum(["csv", "xlsx"]),
  locale: z.enum(["sv", "en"]).default("sv"),
  /** The table's sort on screen; the file lists its rows in that order. */
  sort: ExportSortSchema,
}).superRefine((input, context) => {
  for (const issue of sortColumnIssues(input.view, input.sort))
    context.addIssue({ code: "custom", path: ["sort", ...issue.path], message: issue.message });
});
export type ExportInput = z.input<typeof ExportInputSchema>;

export const TrendInputSchema = CompstatInputSchema.extend({
  periods: z.number().int().min(4).max(104).default(26),
});

export const TrendOutputSchema = z.array(
  z.object({
    start: z.string(),
    end: z.string(),
    count: z.number(),
    expected: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    level: z.enum(["clear", "possible", "normal", "too_few"]),
    /** A period still running: counted so far, with no band or flag. */
    isPartial: z.boolean(),
  }),
);
export type TrendOutput = z.infer<typeof TrendOutputSchema>;

/** When incidents happen: the 52 weeks ending with the period, by weekday and hour of day. */
export const PatternsOutputSchema = z.object({
  window: RangeSchema,
  dateBasis: z.enum(DATE_BASES),
  /** Incidents per ISO weekday (index 0 = Monday) on the chosen date basis. */
  weekdays: z.array(z.number()).length(7),
  /** Incidents with a known time of day (police events), per weekday (rows, Monday first) and hour. */
  weekdayHours: z.array(z.array(z.number()).length(24)).length(7),
  /** How many incidents had a known time, of all counted. */
  timed: z.number(),
  total: z.number(),
});
export type PatternsOutput = z.infer<typeof PatternsOutputSchema>;

export const YearsInputSchema = CompstatInputSchema.extend({
  years: z.number().int().min(2).max(10).default(5),
});

/** Weekly counts per ISO week for several years, up to the period's end. */
export const YearsOutputSchema = z.array(
  z.object({
    year: z.number(),
    weeks: z.array(z.number().nullable()).length(53),
    /** The ISO week counted only in part (cut short by today), if any. */
    partialWeek: z.number().nullable(),
  }),
);
export type YearsOutput = z.infer<typeof YearsOutputSchema>;
