import { z } from "zod";
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
  lastYear: z.number(),
  yearToDate: z.number(),
  lastYearToDate: z.number(),
  /** Counts of the last 13 periods, oldest first, ending with the current one. */
  sparkline: z.array(z.number()),
  flag: z.object({
    level: z.enum(["clear", "possible", "normal", "too_few"]),
    expected: z.number(),
    pValue: z.number().nullable(),
    dispersion: z.number(),
  }),
});
export type CompstatRow = z.infer<typeof CompstatRowSchema>;

export const CompstatOutputSchema = z.object({
  dateBasis: z.enum(DATE_BASES),
  current: RangeSchema.extend({ kind: z.string() }),
  previous: RangeSchema,
  lastYear: RangeSchema,
  yearToDate: RangeSchema,
  lastYearToDate: RangeSchema,
  rows: z.array(CompstatRowSchema),
});
export type CompstatOutput = z.infer<typeof CompstatOutputSchema>;

export const RisingNowOutputSchema = z.array(
  z.object({
    categoryCode: z.string(),
    categoryNameSv: z.string(),
    categoryNameEn: z.string(),
    areaCode: z.string().nullable(),
    areaName: z.string(),
    current: z.number(),
    expected: z.number(),
    pValue: z.number(),
    level: z.enum(["clear", "possible"]),
  }),
);
export type RisingNowOutput = z.infer<typeof RisingNowOutputSchema>;

export const ExportInputSchema = CompstatInputSchema.extend({
  view: z.enum(["compstat", "districts"]),
  format: z.enum(["csv", "xlsx"]),
  locale: z.enum(["sv", "en"]).default("sv"),
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
  }),
);
export type TrendOutput = z.infer<typeof TrendOutputSchema>;
