import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_POLICY, type ProcedureAccess } from "../../server/access-policy.ts";
import { AppError } from "../../server/errors.ts";
import { createAppRouter } from "../../server/router.ts";
import { type Outcome, SPECS } from "../support/access-matrix-inputs.ts";
import {
  CALLERS,
  type Caller,
  type CallerName,
  callerAs,
  closeMatrixWorld,
  createMatrixWorld,
  freshToken,
  ROLE,
  tokens,
} from "../support/access-matrix-world.ts";

type Callable = (input?: unknown) => Promise<unknown>;

function procedureAt(caller: Caller, path: string): Callable {
  return path
    .split(".")
    .reduce((node: unknown, key) => (node as Record<string, unknown>)[key], caller) as Callable;
}

function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
  const appCode = error.cause instanceof AppError ? error.cause.code : null;
  if (appCode === "NOT_OWNER" || appCode === "WORKSPACE_REQUIRED") return `${error.code}:${appCode}`;
  if (error.code === "INTERNAL_SERVER_ERROR") return `${error.code}: ${error.message}`;
  return error.code;
}

/** What the table says a caller gets, given what an allowed call gives. */
function expectedOutcome(access: ProcedureAccess, caller: CallerName, allowed: Outcome): Outcome {
  const { callers, organisationScope } = access;
  if (callers === "public") return allowed;
  if (caller === "noSession") return "UNAUTHORIZED";
  if (callers === "signed-in") return allowed;
  if (callers === "system-admin") return caller === "systemAdmin" ? allowed : "FORBIDDEN";
  // Administering the system is no role inside a workspace.
  if (caller === "otherWorkspace" || caller === "systemAdmin") return "FORBIDDEN:WORKSPACE_REQUIRED";
  const role = ROLE[caller];
  if (!callers.includes(role)) return "FORBIDDEN";
  if (organisationScope === "changes" || organisationScope === "reads") {
    if (role === "viewer") return "FORBIDDEN";
    if (caller === "otherOrganisation")
      return organisationScope === "changes" ? "FORBIDDEN:NOT_OWNER" : "FORBIDDEN";
  }
  return allowed;
}

/** Whether the table lets this caller see free text, names and photos of Tunabyggen's records. */
const seesDetail = (caller: CallerName) => caller === "member" || caller === "analyst" || caller === "admin";

// At run time _def.procedures is flat, keyed by path ("lagesbild.publish"); its type is the nested record.
const procedures = Object.entries(
  createAppRouter()._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .map(([path, procedure]) => ({ path, type: procedure._def.type }))
  .sort((a, b) => a.path.localeCompare(b.path));

beforeAll(createMatrixWorld);

afterAll(closeMatrixWorld);

describe("the access policy table", () => {
  it("names every procedure of the router, and only those", () => {
    const paths = procedures.map((p) => p.path);
    expect(
      paths.filter((path) => !(path in ACCESS_POLICY)),
      "procedures without a policy entry",
    ).toEqual([]);
    expect(
      Object.keys(ACCESS_POLICY).filter((path) => !paths.includes(path)),
      "policy entries naming no procedure",
    ).toEqual([]);
    expect(
      paths.filter((path) => !(path in SPECS)),
      "procedures without an input in the matrix",
    ).toEqual([]);
  });

  it("gives every detail-scoped read a check of what it reveals", () => {
    const unchecked = Object.entries(ACCESS_POLICY)
      .filter(([path, access]) => access.organisationScope === "detail" && !SPECS[path]?.reveals)
      .map(([path]) => path);
    expect(unchecked).toEqual([]);
  });
});

/**
 * Every procedure of the app router, called as eight kinds of caller, against the table in
 * server/access-policy.ts. The records the calls touch belong to Tunabyggen: "member" is one of its
 * members, "otherOrganisation" a member of Borlänge kommun, and the viewer is Tunabyggen's too, so
 * belonging to the organisation never stands in for a role. "otherWorkspace" is an admin of another
 * workspace; "systemAdmin" a system administrator who is a member of no workspace.
 */
describe("every procedure × every kind of caller", () => {
  it.each(procedures)("$path ($type)", async ({ path }) => {
    const access = ACCESS_POLICY[path];
    const spec = SPECS[path];
    if (!access || !spec) throw new Error(`${path} needs an entry in ACCESS_POLICY and in SPECS`);
    const allowed = spec.allowed ?? "ok";
    const actual: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    const revealed: Record<string, boolean> = {};
    for (const caller of CALLERS) {
      const token = spec.freshSession ? await freshToken(caller) : tokens.get(caller);
      const input = await spec.input?.();
      try {
        const result = await procedureAt(callerAs(caller, token), path)(input);
        actual[caller] = "ok";
        if (spec.reveals) revealed[caller] = spec.reveals(result);
      } catch (error) {
        actual[caller] = outcomeOf(error);
      }
      expected[caller] = expectedOutcome(access, caller, allowed);
      if (spec.freshSession) tokens.set(caller, await freshToken(caller));
    }
    expect(actual).toEqual(expected);
    if (access.organisationScope === "detail")
      expect(revealed).toEqual(
        Object.fromEntries(
          CALLERS.filter((caller) => expected[caller] === "ok").map((caller) => [caller, seesDetail(caller)]),
        ),
      );
  });
});
