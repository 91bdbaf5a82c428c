import {
  CompstatInputSchema,
  CompstatOutputSchema,
  PatternsOutputSchema,
  RisingNowOutputSchema,
  RisingOverTimeOutputSchema,
  TrendInputSchema,
  TrendOutputSchema,
  YearsInputSchema,
  YearsOutputSchema,
} from "../../../shared/schemas/analysis.ts";
import { sharedAnswer } from "../../answer-cache.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { getCompstat, getRisingNow, getTrend } from "./analysis.service.ts";
import { getPatterns, getYears } from "./patterns.service.ts";
import { getRisingOverTime } from "./rising-over-time.service.ts";

export const analysisRouter = router({
  compstat: workspaceProcedure
    .input(CompstatInputSchema)
    .output(CompstatOutputSchema)
    .query(sharedAnswer((scope, input) => getCompstat(scope, input))),
  risingNow: workspaceProcedure
    .input(CompstatInputSchema)
    .output(RisingNowOutputSchema)
    .query(sharedAnswer((scope, input) => getRisingNow(scope, input))),
  risingOverTime: workspaceProcedure
    .input(CompstatInputSchema)
    .output(RisingOverTimeOutputSchema)
    .query(sharedAnswer((scope, input) => getRisingOverTime(scope, input))),
  trend: workspaceProcedure.input(TrendInputSchema).output(TrendOutputSchema).query(sharedAnswer(getTrend)),
  patterns: workspaceProcedure
    .input(CompstatInputSchema)
    .output(PatternsOutputSchema)
    .query(sharedAnswer(getPatterns)),
  years: workspaceProcedure.input(YearsInputSchema).output(YearsOutputSchema).query(sharedAnswer(getYears)),
});
