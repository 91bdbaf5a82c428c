import { z } from "zod";
import {
  SurveyCatalogSchema,
  SurveySeriesInputSchema,
  SurveySeriesSchema,
} from "../../../shared/schemas/surveys.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { getSurveySeries, listSurveys } from "./surveys.service.ts";

export const surveysRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .output(SurveyCatalogSchema)
    .query(({ ctx }) => listSurveys(ctx.scope)),
  series: workspaceProcedure
    .input(SurveySeriesInputSchema)
    .output(SurveySeriesSchema)
    .query(({ ctx, input }) => getSurveySeries(ctx.scope, input)),
});
