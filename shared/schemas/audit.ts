import { z } from "zod";
import { ROLES } from "../roles.ts";
import { LocalDateSchema } from "./overview.ts";

/**
 * What the audit log records (docs/decisions/018). Every entry says who (user, role, organisation),
 * when, the action, and its target; never the personal text itself, a password or a token.
 */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "member_provisioned",
  "password_changed",
  "invitation_created",
  "invitation_revoked",
  "invitation_accepted",
  "member_updated",
  "member_deactivated",
  "member_reactivated",
  "member_change_withheld",
  "reset_link_issued",
  "reset_link_used",
  "organization_added",
  "organization_removed",
  "workspace_created",
  "settings_updated",
  "audit_retention_changed",
  "api_token_created",
  "api_token_revoked",
  "table_exported",
  "action_plan_exported",
  "lagesbild_pdf_exported",
  "promise_report_exported",
  "audit_log_exported",
  "findings_read",
  "dialogue_notes_read",
  "photo_read",
  "reports_read",
  "report_approved",
  "report_rejected",
  "report_decision_undone",
  "import_completed",
  "import_undone",
  "lagesbild_published",
  "lagesbild_reopened",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = [
  "user",
  "invitation",
  "organization",
  "workspace",
  "api_token",
  "table",
  "lagesbild",
  "promise",
  "walk",
  "photo",
  "import_batch",
  "import",
  "report",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** Why a sign-in failed or an SSO change was withheld. */
export const AUDIT_REASONS = [
  "invalid_credentials",
  "deactivated",
  "sso_no_mapping",
  "sso_no_organization",
  "sso_no_email",
  "sso_email_conflict",
  "sso_state_mismatch",
  "sso_provider_error",
  "sso_system_admin",
  "sso_last_admin",
] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];

/**
 * The only details an entry may carry: values the code chooses (a format, a role, a count, an
 * id), never text a person typed. Typed so that a free string cannot slip in by accident.
 */
export type AuditDetails = {
  format?: "csv" | "xlsx" | "pdf";
  /** What kind of export or import, as the code names it ("compstat", "police-delivery"). */
  kind?: string;
  count?: number;
  role?: (typeof ROLES)[number];
  previousRole?: (typeof ROLES)[number];
  organizationId?: string | null;
  previousOrganizationId?: string | null;
  /** How the action reached the app: an import token, the command line. */
  via?: "token" | "command" | "sso";
  apiTokenId?: string;
  reason?: AuditReason;
  version?: number;
  days?: number;
  year?: number;
  notesRetentionDays?: number;
  surveyMinRespondents?: number;
  meetingPeriod?: "week" | "biweek" | "fourweek";
  meetingWeekday?: number;
  meetingAnchor?: string;
};

export const AUDIT_RETENTION_MIN_DAYS = 90;
export const AUDIT_RETENTION_MAX_DAYS = 3650;
export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many entries; a narrower filter gets the rest. */
export const AUDIT_EXPORT_LIMIT = 20_000;

export const AuditFilterSchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).nullable().default(null),
    userId: z.uuid().nullable().default(null),
    from: LocalDateSchema.nullable().default(null),
    to: LocalDateSchema.nullable().default(null),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "Från-datumet måste vara före till-datumet.",
    path: ["to"],
  });
export type AuditFilter = z.output<typeof AuditFilterSchema>;

export const AuditListInputSchema = z.object({
  filter: AuditFilterSchema,
  page: z.number().int().min(1).max(100_000).default(1),
});
export type AuditListInput = z.input<typeof AuditListInputSchema>;

export const AuditExportInputSchema = z.object({
  filter: AuditFilterSchema,
  format: z.enum(["csv", "xlsx"]),
});

export const AuditRetentionInputSchema = z.object({
  days: z.number().int().min(AUDIT_RETENTION_MIN_DAYS).max(AUDIT_RETENTION_MAX_DAYS),
});

/** An entry as the log page shows it: the ids it holds with the names they have now. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** As stored: an action the code no longer writes still shows. */
  action: z.string(),
  actor: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      role: z.enum(ROLES).nullable(),
      organization: z.string().nullable(),
    })
    .nullable(),
  target: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }).nullable(),
  /** AuditDetails, with the names of the organisations it names. */
  // Stored values the code may retire one day: an unknown one reads as absent, it never breaks the log.
  details: z.object({
    format: z.enum(["csv", "xlsx", "pdf"]).optional().catch(undefined),
    kind: z.string().optional(),
    count: z.number().optional(),
    role: z.enum(ROLES).optional().catch(undefined),
    previousRole: z.enum(ROLES).optional().catch(undefined),
    organizationId: z.string().nullable().optional(),
    previousOrganizationId: z.string().nullable().optional(),
    via: z.enum(["token", "command", "sso"]).optional().catch(undefined),
    apiTokenId: z.string().optional(),
    reason: z.enum(AUDIT_REASONS).optional().catch(undefined),
    version: z.number().optional(),
    days: z.number().optional(),
    year: z.number().optional(),
    notesRetentionDays: z.number().optional(),
    surveyMinRespondents: z.number().optional(),
    meetingPeriod: z.enum(["week", "biweek", "fourweek"]).optional().catch(undefined),
    meetingWeekday: z.number().optional(),
    meetingAnchor: z.string().optional(),
    organizationName: z.string().nullable(),
    previousOrganizationName: z.string().nullable(),
  }),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const AuditRetentionSchema = z.object({ days: z.number() });
export const AuditRetentionSetSchema = z.object({ days: z.number(), purged: z.number() });
