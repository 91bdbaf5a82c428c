import { BasemapStyleInputSchema, BasemapStyleSchema } from "../../../shared/schemas/maps.ts";
import { roleProcedure, router } from "../../trpc.ts";
import { setBasemapStyle } from "./maps.service.ts";

export const mapsRouter = router({
  setBasemapStyle: roleProcedure(["admin"])
    .input(BasemapStyleInputSchema)
    .output(BasemapStyleSchema)
    .mutation(({ ctx, input }) => setBasemapStyle(ctx.scope, input)),
});
