import { z } from "zod";
import {
  AreaListSchema,
  DistrictGeometriesSchema,
  RenameAreaInputSchema,
  RenamedAreaSchema,
} from "../../../shared/schemas/areas.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { getDistrictGeometries, listAreas, renameArea } from "./areas.service.ts";

export const areasRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .output(AreaListSchema)
    .query(({ ctx }) => listAreas(ctx.scope)),
  districtGeometries: workspaceProcedure
    .input(z.void())
    .output(DistrictGeometriesSchema)
    .query(({ ctx }) => getDistrictGeometries(ctx.scope)),
  rename: roleProcedure(["admin"])
    .input(RenameAreaInputSchema)
    .output(RenamedAreaSchema)
    .mutation(({ ctx, input }) => renameArea(ctx.scope, input)),
});
