import { z } from "zod";
import { DataSourceListSchema } from "../../../shared/schemas/incidents.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { listIncidentSources } from "./sources.service.ts";

// Partners no longer add incidents by hand: they report through reports.createPartner, which
// waits for review (decisions/024); incidents come only through imports (decisions/011).
export const incidentsRouter = router({
  /** The workspace's data sources, for the filter bar. */
  sources: workspaceProcedure
    .input(z.void())
    .output(DataSourceListSchema)
    .query(({ ctx }) => listIncidentSources(ctx.scope)),
});
