import {
  DistrictStatsOutputSchema,
  FieldLayersOutputSchema,
  IncidentPointsOutputSchema,
  OverviewFilterInputSchema,
  WeeklyTrendInputSchema,
  WeeklyTrendOutputSchema,
} from "../../../shared/schemas/overview.ts";
import { sharedAnswer } from "../../answer-cache.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { getIncidentPoints } from "../analysis/patterns.service.ts";
import { getDistrictStats, getFieldLayers, getWeeklyTrend } from "./overview.service.ts";

export const overviewRouter = router({
  districtStats: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(DistrictStatsOutputSchema)
    .query(sharedAnswer((scope, input) => getDistrictStats(scope, input))),
  weeklyTrend: workspaceProcedure
    .input(WeeklyTrendInputSchema)
    .output(WeeklyTrendOutputSchema)
    .query(sharedAnswer(getWeeklyTrend)),
  points: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(IncidentPointsOutputSchema)
    .query(sharedAnswer(getIncidentPoints)),
  fieldLayers: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(FieldLayersOutputSchema)
    .query(sharedAnswer(getFieldLayers)),
});
