import { z } from "zod";
import { WRITER_ROLES } from "../../../shared/roles.ts";
import {
  AddedFindingSchema,
  AddFindingInputSchema,
  ChangeFindingStatusInputSchema,
  CreatedSchema,
  CreateWalkInputSchema,
  FindingFilterSchema,
  FindingListSchema,
  FindingStatusChangedSchema,
  OrganizationOptionsSchema,
  PhotoSchema,
  WalkListSchema,
  WalkSchema,
} from "../../../shared/schemas/field.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter, restrictedReadEntry } from "../audit/audit.service.ts";
import { getPhoto, listFindings } from "./findings.service.ts";
import {
  addFinding,
  changeFindingStatus,
  createWalk,
  getWalk,
  listWalks,
  listWorkspaceOrganizations,
} from "./walks.service.ts";

const writer = roleProcedure(WRITER_ROLES);

export const walksRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .output(WalkListSchema)
    .query(({ ctx }) => listWalks(ctx.scope)),
  get: workspaceProcedure
    .input(z.object({ walkId: z.uuid() }))
    .output(WalkSchema)
    .query(({ ctx, input }) => getWalk(ctx.scope, input.walkId)),
  create: writer
    .input(CreateWalkInputSchema)
    .output(CreatedSchema)
    .mutation(({ ctx, input }) => createWalk(ctx.scope, input)),
  addFinding: writer
    .input(AddFindingInputSchema)
    .output(AddedFindingSchema)
    .mutation(({ ctx, input }) => addFinding(ctx.scope, input)),
  changeStatus: writer
    .input(ChangeFindingStatusInputSchema)
    .output(FindingStatusChangedSchema)
    .mutation(({ ctx, input }) => changeFindingStatus(ctx.scope, input)),
  // Audited when the answer holds a finding's free text, names or photos (decisions/018).
  findings: workspaceProcedure
    .input(FindingFilterSchema)
    .output(FindingListSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, listFindings(ctx.scope, input), (findings) =>
        restrictedReadEntry(
          ctx.scope,
          "findings_read",
          findings.filter((finding) => !finding.isRestricted).length,
          input.walkId ? { type: "walk", id: input.walkId } : undefined,
        ),
      ),
    ),
  photo: workspaceProcedure
    .input(z.object({ photoId: z.uuid() }))
    .output(PhotoSchema)
    .query(({ ctx, input }) =>
      auditAfter(ctx.db, getPhoto(ctx.scope, input.photoId), () =>
        restrictedReadEntry(ctx.scope, "photo_read", 1, { type: "photo", id: input.photoId }),
      ),
    ),
  organizations: workspaceProcedure
    .input(z.void())
    .output(OrganizationOptionsSchema)
    .query(({ ctx }) => listWorkspaceOrganizations(ctx.scope)),
});
