export const ROLES = ["admin", "analyst", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may add or change data; viewers only read. */
export const WRITER_ROLES: readonly Role[] = ["admin", "analyst", "member"];
/** Roles that see row-level detail and free text, not only aggregates. */
export const ANALYST_ROLES: readonly Role[] = ["admin", "analyst"];

export function canWrite(role: Role): boolean {
  return WRITER_ROLES.includes(role);
}

export function canSeeDetail(role: Role): boolean {
  return ANALYST_ROLES.includes(role);
}
