import { describe, expect, it } from "vitest";
import { INVALIDATES, invalidationTargets } from "../../client/src/invalidation.ts";
import { createAppRouter } from "../../server/router.ts";

type Procedure = { _def: { type: "query" | "mutation" | "subscription" } };

const procedures = (createAppRouter() as unknown as { _def: { procedures: Record<string, Procedure> } })._def
  .procedures;
const paths = (type: Procedure["_def"]["type"]) =>
  Object.entries(procedures)
    .filter(([, procedure]) => procedure._def.type === type)
    .map(([path]) => path)
    .sort();

describe("what each write refreshes (client/src/invalidation.ts)", () => {
  it("names every mutation of the router, and nothing else", () => {
    expect(Object.keys(INVALIDATES).sort()).toEqual(paths("mutation"));
  });

  it("refreshes only queries that exist: a router or one of its queries", () => {
    const queries = paths("query");
    const routers = new Set(queries.map((path) => path.split(".")[0]));
    for (const [mutation, targets] of Object.entries(INVALIDATES))
      for (const target of targets)
        if (target !== "*")
          expect(routers.has(target) || queries.includes(target), `${mutation} → ${target}`).toBe(true);
  });

  it("refreshes what an import moves, and not everything for a narrow write", () => {
    const undo = invalidationTargets("imports.undo");
    expect(undo).not.toBe("everything");
    expect(undo).toEqual(expect.arrayContaining(["overview", "analysis", "lagesbild", "imports", "audit"]));
    expect(invalidationTargets("workspace.revokeApiToken")).toEqual(["workspace.apiTokens", "audit"]);
    expect(invalidationTargets("auth.login")).toBe("everything");
    expect(invalidationTargets("a.mutationThisClientDoesNotKnow")).toBe("everything");
  });
});
