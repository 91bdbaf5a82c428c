import { z } from "zod";
import {
  InviteInputSchema,
  MemberInputSchema,
  OrganizationInputSchema,
  UpdateMemberInputSchema,
} from "../../../shared/schemas/accounts.ts";
import { roleProcedure } from "../../trpc.ts";
import { inviteMember, listInvitations, revokeInvitation } from "./invitations.service.ts";
import { issueResetLink, listMembers, setMemberActive, updateMember } from "./members.service.ts";
import { addOrganization, removeOrganization } from "./organizations.service.ts";

const admin = roleProcedure(["admin"]);
const IdInputSchema = z.object({ id: z.string().uuid() });

/** The admin's member procedures, spread into the workspace router (docs/decisions/015). */
export const memberProcedures = {
  members: admin.input(z.void()).query(({ ctx }) => listMembers(ctx)),
  invitations: admin.input(z.void()).query(({ ctx }) => listInvitations(ctx)),
  /** The link's token comes back once, here; the admin copies the link to the person. */
  invite: admin.input(InviteInputSchema).mutation(({ ctx, input }) => inviteMember(ctx, input)),
  revokeInvitation: admin.input(IdInputSchema).mutation(({ ctx, input }) => revokeInvitation(ctx, input.id)),
  updateMember: admin.input(UpdateMemberInputSchema).mutation(({ ctx, input }) => updateMember(ctx, input)),
  deactivateMember: admin
    .input(MemberInputSchema)
    .mutation(({ ctx, input }) => setMemberActive(ctx, input.userId, false)),
  reactivateMember: admin
    .input(MemberInputSchema)
    .mutation(({ ctx, input }) => setMemberActive(ctx, input.userId, true)),
  issueResetLink: admin
    .input(MemberInputSchema)
    .mutation(({ ctx, input }) => issueResetLink(ctx, input.userId)),
  addOrganization: admin
    .input(OrganizationInputSchema)
    .mutation(({ ctx, input }) => addOrganization(ctx, input)),
  removeOrganization: admin
    .input(z.object({ organizationId: z.string().uuid() }))
    .mutation(({ ctx, input }) => removeOrganization(ctx, input.organizationId)),
};
