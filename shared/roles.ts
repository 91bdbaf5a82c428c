export const ROLES = ["admin", "analyst", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may add or change data; viewers only read. */
export const WRITER_ROLES: readonly Role[] = ["admin", "analyst", "member"];
/**
 * Roles that see every record's free text and names across the workspace; members see them only
 * on their own organisation's records (decisions/011, server/access-policy.ts).
 */
export const ANALYST_ROLES: readonly Role[] = ["admin", "analyst"];

export function canWrite(role: Role): boolean {
  return WRITER_ROLES.includes(role);
}

export function canSeeDetail(role: Role): boolean {
  return ANALYST_ROLES.includes(role);
}
