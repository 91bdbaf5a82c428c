import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// The layers (client → router type only, shared → nothing of ours) are enforced by Biome's
// noRestrictedImports in biome.json. These tests prove the rule refuses what it should and that
// today's code keeps to it.

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules/.bin/biome");
const probes: string[] = [];

function lint(paths: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(biome, ["lint", "--only=style/noRestrictedImports", ...paths], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

function probe(dir: string, source: string): string {
  const folder = path.join(root, dir, `__layer_probe_${process.pid}`);
  mkdirSync(folder, { recursive: true });
  probes.push(folder);
  const file = path.join(folder, "probe.ts");
  writeFileSync(file, source);
  return path.relative(root, file);
}

afterEach(() => {
  for (const folder of probes.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("import layers", () => {
  it("refuses client code importing server code other than the router's type", () => {
    const file = probe(
      "client/src",
      [
        'import type { AppRouter } from "../../../server/router.ts";',
        'import { appRouter } from "../../../server/router.ts";',
        'import { env } from "../../../server/env.ts";',
        'import { Pool } from "pg";',
        "export type R = AppRouter;",
        "export const all = [appRouter, env, Pool];",
        "",
      ].join("\n"),
    );
    const { code, output } = lint([file]);
    expect(code).not.toBe(0);
    expect(output).toContain(`${file}:2:`);
    expect(output).toContain(`${file}:3:`);
    expect(output).toContain(`${file}:4:`);
    expect(output).not.toContain(`${file}:1:`);
    expect(output).toContain("Client code may import only");
  });

  it("refuses shared code importing server, client or test code", () => {
    const file = probe(
      "shared",
      [
        'import { env } from "../../server/env.ts";',
        'import { trpc } from "../../client/src/trpc.ts";',
        'import { createTestDb } from "../../tests/support/test-db.ts";',
        "export const all = [env, trpc, createTestDb];",
        "",
      ].join("\n"),
    );
    const { code, output } = lint([file]);
    expect(code).not.toBe(0);
    for (const line of [1, 2, 3]) expect(output).toContain(`${file}:${line}:`);
  });

  it("refuses the server and the seed importing test code", () => {
    const server = probe(
      "server",
      'import { createTestDb } from "../../tests/support/test-db.ts";\nexport const x = createTestDb;\n',
    );
    const seed = probe(
      "prisma",
      'import { login } from "../../tests/e2e/browser.ts";\nexport const y = login;\n',
    );
    const { code, output } = lint([server, seed]);
    expect(code).not.toBe(0);
    expect(output).toContain(`${server}:1:`);
    expect(output).toContain(`${seed}:1:`);
    expect(output).toContain("Production code");
  });

  it("today's client, shared, server and seed code keep to the layers", () => {
    const { code, output } = lint(["client", "shared", "server", "prisma", "scripts"]);
    expect(output).not.toContain("lint/style/noRestrictedImports");
    expect(code).toBe(0);
  });
});
