import { z } from "zod";
import { ROLES, type Role } from "../roles.ts";

/**
 * A workspace's single sign-on mapping (docs/decisions/020): which claim of the identity provider
 * carries groups or roles, rules from a claim value to a role and/or organisation, and what
 * someone matching no rule gets (nothing, when `defaultRole` is null).
 */
export const SsoRuleSchema = z
  .object({
    value: z.string().trim().min(1, "Ange värdet i claimet.").max(200),
    role: z.enum(ROLES).nullable(),
    organizationId: z.uuid().nullable(),
  })
  .refine((rule) => rule.role !== null || rule.organizationId !== null, {
    message: "En regel ger en roll, en organisation eller båda.",
    path: ["role"],
  });
export type SsoRule = z.infer<typeof SsoRuleSchema>;

export const SsoSettingsSchema = z.object({
  isEnabled: z.boolean(),
  /** A claim name, or a dotted path into one (Keycloak's `realm_access.roles`). */
  claim: z
    .string()
    .trim()
    .min(1, "Ange claimets namn.")
    .max(200)
    .regex(/^\S+$/, "Claimets namn har inga mellanslag."),
  rules: z.array(SsoRuleSchema).max(100),
  defaultRole: z.enum(ROLES).nullable(),
  defaultOrganizationId: z.uuid().nullable(),
  /** The default role goes only to verified addresses of these domains (exact match) ... */
  defaultEmailDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Skriv domänen utan @, till exempel falun.se."),
    )
    .max(20),
  /** ... and/or only to someone whose claim holds this value. A default role needs one of the two. */
  defaultRequiredValue: z.string().trim().min(1).max(200).nullable(),
});
export type SsoSettings = z.infer<typeof SsoSettingsSchema>;

export const DEFAULT_SSO_SETTINGS: SsoSettings = {
  isEnabled: false,
  claim: "groups",
  rules: [],
  defaultRole: null,
  defaultOrganizationId: null,
  defaultEmailDomains: [],
  defaultRequiredValue: null,
};

// The failures live in shared/sso-failures.ts, which the login page loads without zod.
export { SSO_FAILURES, type SsoFailure } from "../sso-failures.ts";

const ROLE_STRENGTH: Record<Role, number> = { viewer: 0, member: 1, analyst: 2, admin: 3 };

/** The claim's values as strings: a string, a list, or a dotted path into nested objects. */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes(".")) {
    value = claim.split(".").reduce<unknown>((node, key) => {
      return node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }, claims);
  }
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values
    .filter((item) => typeof item === "string" || typeof item === "number")
    .map((item) => String(item).trim());
}

export type SsoMapping = {
  role: Role;
  organizationId: string | null;
  /** "rule" when a claim value matched; then the claims decide at every sign-in. */
  source: "rule" | "default";
};

/** A default role limited to nobody in particular would admit anyone the provider vouches for. */
export const isDefaultRoleLimited = (settings: SsoSettings) =>
  settings.defaultEmailDomains.length > 0 || settings.defaultRequiredValue !== null;

/** Whether the default role's limits let this person in: every limit set must hold. */
function passesDefaultLimits(settings: SsoSettings, values: Set<string>, verifiedEmail: string | null) {
  if (!isDefaultRoleLimited(settings)) return false;
  const domain = verifiedEmail?.slice(verifiedEmail.lastIndexOf("@") + 1).toLowerCase() ?? null;
  if (
    settings.defaultEmailDomains.length > 0 &&
    (domain === null || !settings.defaultEmailDomains.includes(domain))
  )
    return false;
  return settings.defaultRequiredValue === null || values.has(settings.defaultRequiredValue.toLowerCase());
}

/**
 * What the claims give in one workspace: the strongest role of the matching rules and the
 * organisation of the first matching rule that names one; with no matching role, the default
 * role (and the default organisation where no rule gave one) when its limits let the person in
 * (a verified address of an allowed domain, the required claim value); null otherwise.
 * Values compare without regard to case (Entra's group ids, typed by an admin).
 */
export function mapClaims(
  settings: SsoSettings,
  claims: Record<string, unknown>,
  verifiedEmail: string | null = null,
): SsoMapping | null {
  const values = new Set(claimValues(claims, settings.claim).map((value) => value.toLowerCase()));
  const matching = settings.rules.filter((rule) => values.has(rule.value.toLowerCase()));
  const organizationId = matching.find((rule) => rule.organizationId !== null)?.organizationId ?? null;
  const roles = matching.flatMap((rule) => (rule.role ? [rule.role] : []));
  if (roles.length > 0) {
    const role = roles.reduce((best, role) => (ROLE_STRENGTH[role] > ROLE_STRENGTH[best] ? role : best));
    return { role, organizationId, source: "rule" };
  }
  if (settings.defaultRole === null || !passesDefaultLimits(settings, values, verifiedEmail)) return null;
  return {
    role: settings.defaultRole,
    organizationId: organizationId ?? settings.defaultOrganizationId,
    source: "default",
  };
}
