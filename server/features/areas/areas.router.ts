import { z } from "zod";
import { router, workspaceProcedure } from "../../trpc.ts";
import { getDistrictGeometries, listAreas } from "./areas.service.ts";

export const areasRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => listAreas({ db: ctx.db, workspaceId: ctx.workspace.id })),
  districtGeometries: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => getDistrictGeometries({ db: ctx.db, workspaceId: ctx.workspace.id })),
});
