import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// docs/data-model.md must keep up with the migrations: every table the migrations create appears
// in its diagram and is described under "The parts", and the diagram names no table that is gone.

const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/data-model.md"), "utf8");
const diagram = /```mermaid\n(erDiagram[\s\S]*?)```/.exec(doc)?.[1] ?? "";
const parts = doc.slice(doc.indexOf("## The parts"));

function diagramTables(): Set<string> {
  const names = new Set<string>();
  for (const line of diagram.split("\n").slice(1)) {
    const relation = /^\s*([a-z_]+)\s+\S+--\S+\s+([a-z_]+)\s*:/.exec(line);
    if (relation) {
      names.add(relation[1] as string);
      names.add(relation[2] as string);
    }
    const entity = /^\s*([a-z_]+)\s*\{/.exec(line);
    if (entity) names.add(entity[1] as string);
  }
  return names;
}

let testDb: TestDb;
let tables: string[];

beforeAll(async () => {
  testDb = await createTestDb();
  const rows = await testDb.db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name <> '_prisma_migrations' AND table_name NOT LIKE 'import_stage_%'
    ORDER BY 1`;
  tables = rows.map((row) => row.name);
});

afterAll(async () => {
  await testDb?.close();
});

describe("docs/data-model.md", () => {
  it("has a diagram", () => {
    expect(diagram.length).toBeGreaterThan(100);
    expect(tables.length).toBeGreaterThan(20);
  });

  it("shows every table in the diagram", () => {
    const shown = diagramTables();
    expect(tables.filter((table) => !shown.has(table))).toEqual([]);
  });

  it("describes every table under 'The parts'", () => {
    expect(tables.filter((table) => !parts.includes(`\`${table}\``))).toEqual([]);
  });

  it("names no table the migrations do not create", () => {
    expect([...diagramTables()].filter((name) => !tables.includes(name))).toEqual([]);
  });
});
