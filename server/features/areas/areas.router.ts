import { z } from "zod";
import { RenameAreaInputSchema, RenamedAreaSchema } from "../../../shared/schemas/areas.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { getDistrictGeometries, listAreas, renameArea } from "./areas.service.ts";

export const areasRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => listAreas({ db: ctx.db, workspaceId: ctx.workspace.id })),
  districtGeometries: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => getDistrictGeometries({ db: ctx.db, workspaceId: ctx.workspace.id })),
  rename: roleProcedure(["admin"])
    .input(RenameAreaInputSchema)
    .output(RenamedAreaSchema)
    .mutation(({ ctx, input }) => renameArea({ db: ctx.db, workspaceId: ctx.workspace.id }, input)),
});
