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
    .query(sharedAnswer(({ db, workspace, input }) => getDistrictStats({ db, workspace, filter: input }))),
  weeklyTrend: workspaceProcedure
    .input(WeeklyTrendInputSchema)
    .output(WeeklyTrendOutputSchema)
    .query(
      sharedAnswer(({ db, workspace, input }) =>
        getWeeklyTrend({ db, workspace, filter: input, weeks: input.weeks }),
      ),
    ),
  points: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(IncidentPointsOutputSchema)
    .query(sharedAnswer(getIncidentPoints)),
  fieldLayers: workspaceProcedure
    .input(OverviewFilterInputSchema)
    .output(FieldLayersOutputSchema)
    .query(sharedAnswer(({ db, workspace, input }) => getFieldLayers({ db, workspace, filter: input }))),
});
