import { ANALYST_ROLES, type Role } from "../../../shared/roles.ts";
import { AppError } from "../../errors.ts";

/**
 * Who is acting, and for which organisation (null when the membership names none; docs/decisions/011).
 * Read with the membership for each request: services find it on their scope (scope.actor).
 */
export type Actor = { userId: string; role: Role; organizationId: string | null };

const NO_ORGANIZATION =
  "Your membership names no organisation, so what you record would belong to no one: ask an admin to set your organisation";

/** Analysts and admins act on every record of the workspace. */
export function actsAcrossWorkspace(actor: Actor): boolean {
  return ANALYST_ROLES.includes(actor.role);
}

/** Whether a record owned by any of these organisations is the actor's: across the workspace, or a member of one of them. */
export function ownsRecord(actor: Actor, owners: readonly (string | null)[]): boolean {
  if (actsAcrossWorkspace(actor)) return true;
  return actor.role === "member" && actor.organizationId !== null && owners.includes(actor.organizationId);
}

/**
 * Refuses a change to a record that belongs to another organisation (or to none). A member of
 * another organisation gets NOT_OWNER, so the client can say why instead of blaming the role.
 */
export function requireOwnership(actor: Actor, owners: readonly (string | null)[], record: string): void {
  if (ownsRecord(actor, owners)) return;
  if (actor.role !== "member")
    throw new AppError("FORBIDDEN", `Role ${actor.role} may not change this ${record}`);
  if (actor.organizationId === null) throw new AppError("FORBIDDEN", NO_ORGANIZATION);
  throw new AppError(
    "NOT_OWNER",
    `This ${record} belongs to another organisation: only its own organisation's members, analysts and admins may change it`,
  );
}

/**
 * The organisation a new record is recorded under. A member's records must belong to its
 * organisation, so a member whose membership names none may not write.
 */
export function organizationForNewRecord(actor: Actor): string | null {
  if (actsAcrossWorkspace(actor)) return actor.organizationId;
  if (actor.role !== "member") throw new AppError("FORBIDDEN", `Role ${actor.role} may not write`);
  if (actor.organizationId !== null) return actor.organizationId;
  throw new AppError("FORBIDDEN", NO_ORGANIZATION);
}
