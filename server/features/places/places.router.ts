import { z } from "zod";
import { PLACE_GRIDS } from "../../../shared/places.ts";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import { FileInputSchema } from "../../../shared/schemas/imports.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { importPlaces, listPlaces, removePlace } from "./places.service.ts";

const analystProcedure = roleProcedure(ANALYST_ROLES);

export const placesRouter = router({
  /** Every member may pick a place: partners' staff report from them. */
  list: workspaceProcedure
    .input(z.void())
    .query(({ ctx }) => listPlaces({ db: ctx.db, workspaceId: ctx.workspace.id })),
  import: analystProcedure
    .input(FileInputSchema.extend({ grid: z.enum(PLACE_GRIDS).optional() }))
    .mutation(({ ctx, input }) =>
      importPlaces({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        fileName: input.fileName,
        content: Buffer.from(input.contentBase64, "base64"),
        grid: input.grid,
      }),
    ),
  remove: analystProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => removePlace({ db: ctx.db, workspaceId: ctx.workspace.id, id: input.id })),
});
