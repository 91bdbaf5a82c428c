/** Why a single sign-on ended on the login page; the page says it in words (never in the log). */
export const SSO_FAILURES = [
  "not_configured",
  "workspace_not_enabled",
  "state_mismatch",
  "provider_error",
  "no_mapping",
  "no_organization",
  "no_email",
  "email_conflict",
  "system_admin",
  "deactivated",
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];
