import {
  DistrictStatsOutputSchema,
  FieldLayersOutputSchema,
  IncidentPointsOutputSchema,
  OverviewFilterInputSchema,
  WeeklyTrendInputSchema,
  WeeklyTrendOutputSchema,
} from "../../../shared/schemas/overview.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { getIncidentPoints } from "../analysis/patterns.service.ts";
import { getDistrictStats, getFieldLayers, getWeeklyTrend } from "./overview.service.ts";

export const overviewRouter = router({
  districtStats: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(DistrictStatsOutputSchema)
    .query(({ ctx, input }) => getDistrictStats({ db: ctx.db, workspace: ctx.workspace, filter: input })),
  weeklyTrend: workspaceProcedure
    .input(WeeklyTrendInputSchema)
    .output(WeeklyTrendOutputSchema)
    .query(({ ctx, input }) =>
      getWeeklyTrend({ db: ctx.db, workspace: ctx.workspace, filter: input, weeks: input.weeks }),
    ),
  points: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(IncidentPointsOutputSchema)
    .query(({ ctx, input }) => getIncidentPoints({ db: ctx.db, workspace: ctx.workspace, input })),
  fieldLayers: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(FieldLayersOutputSchema)
    .query(({ ctx, input }) => getFieldLayers({ db: ctx.db, workspace: ctx.workspace, filter: input })),
});
