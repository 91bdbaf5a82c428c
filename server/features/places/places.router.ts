import { ANALYST_ROLES } from "../../../shared/roles.ts";
import {
  PlaceIdInputSchema,
  PlaceImportInputSchema,
  PlaceImportResultSchema,
  PlaceRemovedSchema,
  PlaceSearchInputSchema,
  PlaceSearchSchema,
  PublicPlaceSearchInputSchema,
  PublicPlaceSearchSchema,
} from "../../../shared/schemas/places.ts";
import { publicProcedure, roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { importPlaces, removePlace, searchPlaces } from "./places.service.ts";
import { searchPublicPlaces } from "./public-places.service.ts";

const analystProcedure = roleProcedure(ANALYST_ROLES);

export const placesRouter = router({
  /** Every member may pick a place: partners' staff report from them. */
  search: workspaceProcedure
    .input(PlaceSearchInputSchema)
    .output(PlaceSearchSchema)
    .query(({ ctx, input }) => searchPlaces(ctx.scope, input)),
  /** Public: the citizen report page finds a place by address or name; rate-limited, names and points only. */
  publicSearch: publicProcedure
    .input(PublicPlaceSearchInputSchema)
    .output(PublicPlaceSearchSchema)
    .query(({ ctx, input }) =>
      searchPublicPlaces({ db: ctx.db, slug: input.workspace, query: input.query, clientIp: ctx.clientIp }),
    ),
  /** The importer's own shape (as the other importers): the command line and the demo import without a user. */
  import: analystProcedure
    .input(PlaceImportInputSchema)
    .output(PlaceImportResultSchema)
    .mutation(({ ctx, input }) =>
      importPlaces({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        userId: ctx.scope.actor.userId,
        fileName: input.fileName,
        content: Buffer.from(input.contentBase64, "base64"),
        grid: input.grid,
      }),
    ),
  remove: analystProcedure
    .input(PlaceIdInputSchema)
    .output(PlaceRemovedSchema)
    .mutation(({ ctx, input }) => removePlace(ctx.scope, input.id)),
});
