import { z } from "zod";
import { WRITER_ROLES } from "../../../shared/roles.ts";
import {
  AddFindingInputSchema,
  ChangeFindingStatusInputSchema,
  CreateWalkInputSchema,
  FindingFilterSchema,
} from "../../../shared/schemas/field.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter, restrictedReadEntry } from "../audit/audit.service.ts";
import { getPhoto, listFindings } from "./findings.service.ts";
import { addFinding, changeFindingStatus, createWalk, getWalk, listWalks } from "./walks.service.ts";

const writer = roleProcedure(WRITER_ROLES);

export const walksRouter = router({
  list: workspaceProcedure.input(z.void()).query(({ ctx }) => listWalks(ctx)),
  get: workspaceProcedure
    .input(z.object({ walkId: z.uuid() }))
    .query(({ ctx, input }) => getWalk(ctx, input.walkId)),
  create: writer.input(CreateWalkInputSchema).mutation(({ ctx, input }) => createWalk(ctx, input)),
  addFinding: writer.input(AddFindingInputSchema).mutation(({ ctx, input }) => addFinding(ctx, input)),
  changeStatus: writer
    .input(ChangeFindingStatusInputSchema)
    .mutation(({ ctx, input }) => changeFindingStatus(ctx, input)),
  // Audited when the answer holds a finding's free text, names or photos (decisions/018).
  findings: workspaceProcedure
    .input(FindingFilterSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, listFindings(ctx, input), (findings) =>
        restrictedReadEntry(
          ctx,
          "findings_read",
          findings.filter((finding) => !finding.isRestricted).length,
          input.walkId ? { type: "walk", id: input.walkId } : undefined,
        ),
      ),
    ),
  photo: workspaceProcedure
    .input(z.object({ photoId: z.uuid() }))
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, getPhoto(ctx, input.photoId), () =>
        restrictedReadEntry(ctx, "photo_read", 1, { type: "photo", id: input.photoId }),
      ),
    ),
  organizations: workspaceProcedure.input(z.void()).query(({ ctx }) =>
    ctx.db.organization.findMany({
      where: { workspaces: { some: { workspaceId: ctx.workspace.id } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ),
});
