import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../passwords.ts";
import { ROLES } from "../roles.ts";
import { LocalDateSchema } from "./overview.ts";

/** Pages of the one-time links; the token follows in the fragment (#…), which browsers never send. */
export const INVITATION_PATH = "/inbjudan";
export const RESET_PATH = "/aterstall";

/** The kinds of the OrganizationKind enum: kommun, polis (LPO), bostadsbolag, räddningstjänst, annan. */
export const ORGANIZATION_KINDS = ["kommun", "polis", "bostadsbolag", "raddningstjanst", "other"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);
export const PersonNameSchema = z.string().trim().min(1).max(120);
// Length is checked in code points by passwordProblems; this only bounds what is sent (a code point is at most 2 UTF-16 units).
export const NewPasswordSchema = z.string().max(PASSWORD_MAX_LENGTH * 2);
/** A one-time link's token: 32 random bytes in base64url. */
export const AccountTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: "is not a link token" });

export const TokenInputSchema = z.object({ token: AccountTokenSchema });
export type TokenInput = z.infer<typeof TokenInputSchema>;

export const InviteInputSchema = z.object({
  email: EmailSchema,
  name: PersonNameSchema.optional(),
  role: z.enum(ROLES),
  organizationId: z.string().uuid().nullable(),
});
export type InviteInput = z.infer<typeof InviteInputSchema>;

export const UpdateMemberInputSchema = z.object({
  userId: z.string().uuid(),
  role: z.enum(ROLES),
  organizationId: z.string().uuid().nullable(),
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberInputSchema>;

export const MemberInputSchema = z.object({ userId: z.string().uuid() });

export const OrganizationInputSchema = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(ORGANIZATION_KINDS),
});
export type OrganizationInput = z.infer<typeof OrganizationInputSchema>;

export const AcceptInvitationInputSchema = z.object({
  token: AccountTokenSchema,
  /** A new account's name; an existing account keeps its own. */
  name: PersonNameSchema.optional(),
  /** A new account's password, or an existing account's current one. */
  password: NewPasswordSchema,
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInputSchema>;

export const ResetPasswordInputSchema = z.object({ token: AccountTokenSchema, password: NewPasswordSchema });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;

export const ChangePasswordInputSchema = z.object({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 2),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const WorkspaceSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "only a–z, 0–9 and single hyphens" })
  .min(3)
  .max(60);

export const CreateWorkspaceInputSchema = z.object({
  slug: WorkspaceSlugSchema,
  name: z.string().trim().min(2).max(120),
  /** A Monday: the biweekly meeting periods are counted from it. */
  meetingAnchor: LocalDateSchema,
  adminEmail: EmailSchema,
  adminName: PersonNameSchema,
  /** The first admin's own organisation (usually the kommun), created with the workspace. */
  organization: OrganizationInputSchema.nullable().default(null),
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInputSchema>;

// The answers of the account procedures (issue 13: every procedure declares its output).

/** A workspace's member as the admin's list shows it. */
export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().nullable(),
  organization: z.string().nullable(),
  isActive: z.boolean(),
  isSelf: z.boolean(),
  /** Whether this admin may hand the account a reset link (not when others administer it too). */
  canIssueReset: z.boolean(),
});
export const MembersSchema = z.array(MemberSchema);
export type Member = z.infer<typeof MemberSchema>;

export const OpenInvitationsSchema = z.array(
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(ROLES).nullable(),
    expiresAt: z.date(),
    organization: z.string().nullable(),
    createdBy: z.string().nullable(),
  }),
);

/** A new one-time invitation link; its token is shown this once. */
export const CreatedInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  expiresAt: z.date(),
  token: z.string(),
});

/** A new one-time reset link; its token is shown this once. */
export const CreatedResetLinkSchema = z.object({ email: z.string(), expiresAt: z.date(), token: z.string() });

export const OrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const ApiTokensSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    scope: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdBy: z.string(),
  }),
);
export const ApiTokenNameInputSchema = z.object({ name: z.string().trim().min(1).max(120) });
/** A new import token; the token itself is shown this once. */
export const CreatedApiTokenSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });

/** What the invitation page shows before anyone signs in. */
export const InvitationInfoSchema = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  workspace: z.object({ slug: z.string(), name: z.string() }),
  organization: z.string().nullable(),
  isExistingUser: z.boolean(),
  expiresAt: z.date(),
});
export const ResetInfoSchema = z.object({ email: z.string(), expiresAt: z.date() });
export const AcceptedInvitationSchema = z.object({ workspaceSlug: z.string() });
export const PasswordResetSchema = z.object({
  isSignedIn: z.boolean(),
  workspaceSlug: z.string().nullable(),
});
export const PasswordChangedSchema = z.object({ endedSessions: z.number() });

/** Every workspace of the installation, for system administrators. */
export const AllWorkspacesSchema = z.array(
  z.object({ slug: z.string(), name: z.string(), createdAt: z.date(), memberCount: z.number() }),
);
export const CreatedWorkspaceSchema = z.object({
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  invitation: CreatedInvitationSchema.nullable(),
});
