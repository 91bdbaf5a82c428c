import { z } from "zod";
import { router, workspaceProcedure } from "../../trpc.ts";

// Partners no longer add incidents by hand: they report through reports.createPartner, which
// waits for review (decisions/024); incidents come only through imports (decisions/011).
export const incidentsRouter = router({
  /** The workspace's data sources, for the filter bar. */
  sources: workspaceProcedure.input(z.void()).query(({ ctx }) =>
    ctx.db.dataSource.findMany({
      where: { workspaceId: ctx.workspace.id, kind: { not: "survey" } },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
  ),
});
