import { describe, expect, it } from "vitest";
import { createAppRouter } from "../../server/router.ts";

// Every procedure declares the shape of its answer (issue 13): `.output(Schema)` is what the
// client may rely on, and zod strips what the schema does not name. tRPC 11 keeps the schema
// given to `.output()` on the procedure's `_def.output`; a procedure without one has none.

type ProcedureDef = { type: string; output?: unknown };

function procedures(): Map<string, ProcedureDef> {
  const appRouter = createAppRouter() as unknown as {
    _def: { procedures: Record<string, { _def: ProcedureDef }> };
  };
  return new Map(Object.entries(appRouter._def.procedures).map(([path, p]) => [path, p._def]));
}

describe("procedure outputs", () => {
  it("finds the router's procedures", () => {
    const all = procedures();
    // A sanity check on the walk itself: a broken walk would find nothing and pass below.
    expect(all.size).toBeGreaterThan(100);
    expect(all.get("walks.findings")?.type).toBe("query");
  });

  it("every procedure declares an output schema", () => {
    const missing = [...procedures()]
      .filter(([, def]) => def.output === undefined)
      .map(([path]) => path)
      .sort();
    expect(missing, `procedures without .output(): ${missing.join(", ")}`).toEqual([]);
  });

  it("an output schema is a parser, not a stray value", () => {
    const notParsers = [...procedures()]
      .filter(([, def]) => def.output !== undefined)
      .filter(([, def]) => typeof (def.output as { parse?: unknown }).parse !== "function")
      .map(([path]) => path);
    expect(notParsers).toEqual([]);
  });
});
