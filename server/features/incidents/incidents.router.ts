import { WRITER_ROLES } from "../../../shared/roles.ts";
import { CreateIncidentInputSchema } from "../../../shared/schemas/incidents.ts";
import { roleProcedure, router } from "../../trpc.ts";
import { createIncident } from "./incidents.service.ts";

export const incidentsRouter = router({
  create: roleProcedure(WRITER_ROLES)
    .input(CreateIncidentInputSchema)
    .mutation(({ ctx, input }) => createIncident({ db: ctx.db, workspace: ctx.workspace, input })),
});
