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
import { router, workspaceProcedure } from "../../trpc.ts";
import { getCompstat, getRisingNow, getTrend } from "./analysis.service.ts";
import { getPatterns, getYears } from "./patterns.service.ts";
import { getRisingOverTime } from "./rising-over-time.service.ts";

export const analysisRouter = router({
  compstat: workspaceProcedure
    .input(CompstatInputSchema)
    .output(CompstatOutputSchema)
    .query(({ ctx, input }) => getCompstat({ db: ctx.db, workspace: ctx.workspace, input })),
  risingNow: workspaceProcedure
    .input(CompstatInputSchema)
    .output(RisingNowOutputSchema)
    .query(({ ctx, input }) => getRisingNow({ db: ctx.db, workspace: ctx.workspace, input })),
  risingOverTime: workspaceProcedure
    .input(CompstatInputSchema)
    .output(RisingOverTimeOutputSchema)
    .query(({ ctx, input }) => getRisingOverTime({ db: ctx.db, workspace: ctx.workspace, input })),
  trend: workspaceProcedure
    .input(TrendInputSchema)
    .output(TrendOutputSchema)
    .query(({ ctx, input }) =>
      getTrend({ db: ctx.db, workspace: ctx.workspace, input, periods: input.periods }),
    ),
  patterns: workspaceProcedure
    .input(CompstatInputSchema)
    .output(PatternsOutputSchema)
    .query(({ ctx, input }) => getPatterns({ db: ctx.db, workspace: ctx.workspace, input })),
  years: workspaceProcedure
    .input(YearsInputSchema)
    .output(YearsOutputSchema)
    .query(({ ctx, input }) => getYears({ db: ctx.db, workspace: ctx.workspace, input, years: input.years })),
});
