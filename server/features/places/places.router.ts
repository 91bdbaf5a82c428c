import { z } from "zod";
import { PLACE_GRIDS } from "../../../shared/places.ts";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import { FileInputSchema } from "../../../shared/schemas/imports.ts";
import { publicProcedure, roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { importPlaces, removePlace, searchPlaces } from "./places.service.ts";
import { searchPublicPlaces } from "./public-places.service.ts";

const analystProcedure = roleProcedure(ANALYST_ROLES);

export const placesRouter = router({
  /** Every member may pick a place: partners' staff report from them. */
  search: workspaceProcedure
    .input(
      z.object({
        query: z.string().max(200).default(""),
        limit: z.number().int().min(1).max(200).default(20),
      }),
    )
    .query(({ ctx, input }) => searchPlaces({ db: ctx.db, workspaceId: ctx.workspace.id, ...input })),
  /** Public: the citizen report page finds a place by address or name; rate-limited, names and points only. */
  publicSearch: publicProcedure
    .input(
      z.object({
        workspace: z.string().min(1).max(64),
        query: z.string().trim().min(2, "type at least 2 characters").max(100),
      }),
    )
    .query(({ ctx, input }) =>
      searchPublicPlaces({ db: ctx.db, slug: input.workspace, query: input.query, clientIp: ctx.clientIp }),
    ),
  import: analystProcedure
    .input(FileInputSchema.extend({ grid: z.enum(PLACE_GRIDS).optional() }))
    .mutation(({ ctx, input }) =>
      importPlaces({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        userId: ctx.user.id,
        fileName: input.fileName,
        content: Buffer.from(input.contentBase64, "base64"),
        grid: input.grid,
      }),
    ),
  remove: analystProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => removePlace({ db: ctx.db, workspaceId: ctx.workspace.id, id: input.id })),
});
