import { z } from "zod";
import {
  CreatedInvitationSchema,
  CreatedResetLinkSchema,
  InviteInputSchema,
  MemberInputSchema,
  MembersSchema,
  OpenInvitationsSchema,
  OrganizationInputSchema,
  OrganizationSchema,
  UpdateMemberInputSchema,
} from "../../../shared/schemas/accounts.ts";
import { roleProcedure } from "../../trpc.ts";
import { inviteMember, listInvitations, revokeInvitation } from "./invitations.service.ts";
import { issueResetLink, listMembers, setMemberActive, updateMember } from "./members.service.ts";
import { addOrganization, removeOrganization } from "./organizations.service.ts";

const admin = roleProcedure(["admin"]);
const IdInputSchema = z.object({ id: z.uuid() });

/** The admin's member procedures, spread into the workspace router (docs/decisions/015). */
export const memberProcedures = {
  members: admin
    .input(z.void())
    .output(MembersSchema)
    .query(({ ctx }) => listMembers(ctx.scope)),
  invitations: admin
    .input(z.void())
    .output(OpenInvitationsSchema)
    .query(({ ctx }) => listInvitations(ctx.scope)),
  /** The link's token comes back once, here; the admin copies the link to the person. */
  invite: admin
    .input(InviteInputSchema)
    .output(CreatedInvitationSchema)
    .mutation(({ ctx, input }) => inviteMember(ctx.scope, input)),
  revokeInvitation: admin
    .input(IdInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => revokeInvitation(ctx.scope, input.id)),
  updateMember: admin
    .input(UpdateMemberInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => updateMember(ctx.scope, input)),
  deactivateMember: admin
    .input(MemberInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => setMemberActive(ctx.scope, { userId: input.userId, isActive: false })),
  reactivateMember: admin
    .input(MemberInputSchema)
    .output(z.void())
    .mutation(({ ctx, input }) => setMemberActive(ctx.scope, { userId: input.userId, isActive: true })),
  issueResetLink: admin
    .input(MemberInputSchema)
    .output(CreatedResetLinkSchema)
    .mutation(({ ctx, input }) => issueResetLink(ctx.scope, input.userId)),
  addOrganization: admin
    .input(OrganizationInputSchema)
    .output(OrganizationSchema)
    .mutation(({ ctx, input }) => addOrganization(ctx.scope, input)),
  removeOrganization: admin
    .input(z.object({ organizationId: z.uuid() }))
    .output(z.void())
    .mutation(({ ctx, input }) => removeOrganization(ctx.scope, input.organizationId)),
};
