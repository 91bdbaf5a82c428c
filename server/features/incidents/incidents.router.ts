import { z } from "zod";
import { WRITER_ROLES } from "../../../shared/roles.ts";
import { CreateIncidentInputSchema } from "../../../shared/schemas/incidents.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { createIncident } from "./incidents.service.ts";

export const incidentsRouter = router({
  /** The workspace's data sources, for the filter bar. */
  sources: workspaceProcedure.input(z.void()).query(({ ctx }) =>
    ctx.db.dataSource.findMany({
      where: { workspaceId: ctx.workspace.id, kind: { not: "survey" } },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
  ),
  create: roleProcedure(WRITER_ROLES)
    .input(CreateIncidentInputSchema)
    .mutation(({ ctx, input }) => createIncident(ctx, input)),
});
