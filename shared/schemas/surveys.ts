import { z } from "zod";
import { SURVEY_KINDS, SURVEY_UNITS } from "../surveys.ts";
import { FileInputSchema } from "./imports.ts";
import { LocalDateSchema } from "./overview.ts";

export const ImportSurveyInputSchema = FileInputSchema.extend({
  kind: z.enum(SURVEY_KINDS),
  /** The survey's name, e.g. "Polisens trygghetsmätning"; a new name starts a new survey. */
  surveyName: z.string().trim().min(2).max(120),
});

export const SurveyCatalogSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(SURVEY_KINDS),
    indicators: z.array(
      z.object({
        indicator: z.string(),
        unit: z.enum(SURVEY_UNITS),
        areaCodes: z.array(z.string()),
        firstYear: z.number(),
        lastYear: z.number(),
      }),
    ),
  }),
);
export type SurveyCatalog = z.infer<typeof SurveyCatalogSchema>;

export const SurveySeriesInputSchema = z.object({
  dataSourceId: z.uuid(),
  indicator: z.string().min(1).max(200),
  areaCodes: z.array(z.string().min(1).max(64)).min(1).max(12),
  /** Incidents shown beside the results: these categories (and everything below), or all. */
  categoryCodes: z.array(z.string().min(1).max(64)).max(50).default([]),
  /** The user's date: a year not over by then counts as part of a year (docs/decisions/019). */
  today: LocalDateSchema.optional(),
});
export type SurveySeriesInput = z.input<typeof SurveySeriesInputSchema>;

export const SurveySeriesSchema = z.object({
  unit: z.enum(SURVEY_UNITS),
  minRespondents: z.number(),
  years: z.array(z.number()),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      results: z.array(
        z.object({
          year: z.number(),
          value: z.number(),
          lower: z.number().nullable(),
          upper: z.number().nullable(),
          respondents: z.number().nullable(),
          isTooFew: z.boolean(),
        }),
      ),
      /** Reported incidents per year in the same area; null where no incidents are imported for the year. */
      incidents: z.array(
        z.object({
          year: z.number(),
          count: z.number().nullable(),
          rate: z.number().nullable(),
          isPartialYear: z.boolean(),
        }),
      ),
    }),
  ),
});
export type SurveySeries = z.infer<typeof SurveySeriesSchema>;
