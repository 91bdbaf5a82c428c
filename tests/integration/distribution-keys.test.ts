import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// Ready for Citus by workspace (docs/decisions/002, 022), read from the catalog. Tenant tables (they
// have workspace_id) are distributed by it: each leads its primary key with workspace_id, holds it
// in every unique key, and joins every foreign key to another distributed table on it first, so a
// workspace's rows live on one shard and every constraint is checked there. The other tables and
// `workspaces` itself are reference tables (small, copied to every node): anything may point at
// them, and they point at no distributed table. A few tenant tables stay local to the coordinator.

/** Tenant tables kept local on the coordinator (not distributed), and why. */
const LOCAL_TABLES: Record<string, string> = {
  audit_log:
    "failed sign-ins belong to no workspace (workspace_id null, which a distribution column cannot be); admins page through it by time",
  account_tokens:
    "password reset links belong to no workspace (workspace_id null); a few rows per person, found by their hash",
  api_tokens: "found by the token's hash before the workspace is known; a handful of rows per workspace",
};

/** Unique keys of distributed tables without workspace_id, and why. */
const KEY_EXCEPTIONS: Record<string, string> = {
  "field_reports.field_reports_follow_token_key":
    "a citizen follows a report by the SHA-256 of a 256-bit random token, without the workspace; under Citus the index becomes (workspace_id, follow_token_hash) and the lookup asks every shard, or the link carries the workspace",
};

/** Not tenant tables, yet part of every workspace: reference tables all the same. */
const REFERENCE_TENANT = new Set(["workspaces"]);

type KeyRow = { table_name: string; kind: "p" | "u"; index_name: string; columns: string[] };
type ForeignKeyRow = {
  table_name: string;
  constraint_name: string;
  columns: string[];
  foreign_table: string;
  foreign_columns: string[];
};

let testDb: TestDb;
let tenantTables: Set<string>;
let keys: KeyRow[];
let foreignKeys: ForeignKeyRow[];

beforeAll(async () => {
  testDb = await createTestDb();
  const tenant = await testDb.driver.query<{ table_name: string }>(
    `SELECT c.relname::text AS table_name FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'import_stage_%'`,
  );
  tenantTables = new Set(tenant.map((row) => row.table_name));
  keys = await testDb.driver.query<KeyRow>(
    `SELECT c.relname::text AS table_name, CASE WHEN i.indisprimary THEN 'p' ELSE 'u' END AS kind,
       ic.relname::text AS index_name,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE k.ord <= i.indnkeyatts) AS columns
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND i.indisunique AND c.relname NOT LIKE 'import_stage_%'
     ORDER BY 1, 3`,
  );
  foreignKeys = await testDb.driver.query<ForeignKeyRow>(
    `SELECT c.relname::text AS table_name, con.conname::text AS constraint_name, f.relname::text AS foreign_table,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS foreign_columns
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class f ON f.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND con.contype = 'f'
     ORDER BY 1, 2`,
  );
});

afterAll(async () => {
  await testDb?.close();
});

const isDistributed = (table: string) => tenantTables.has(table) && !(table in LOCAL_TABLES);
const isLocal = (table: string) => table in LOCAL_TABLES;
const isReference = (table: string) => !tenantTables.has(table) || REFERENCE_TENANT.has(table);

describe("distribution by workspace_id", () => {
  it("finds the tenant tables in the catalog", () => {
    expect(tenantTables.size).toBeGreaterThan(25);
    for (const table of ["incidents", "areas", "categories", "daily_incident_counts", "walk_findings"])
      expect(tenantTables.has(table)).toBe(true);
  });

  it("leads every tenant table's primary key with workspace_id", () => {
    const problems = [...tenantTables]
      .filter((table) => isDistributed(table))
      .flatMap((table) => {
        const primary = keys.find((key) => key.table_name === table && key.kind === "p");
        if (!primary) return [`${table}: no primary key`];
        return primary.columns[0] === "workspace_id" ? [] : [`${table}: (${primary.columns.join(", ")})`];
      });
    expect(problems).toEqual([]);
  });

  it("puts workspace_id in every unique key of a tenant table", () => {
    const problems = keys
      .filter((key) => key.kind === "u" && isDistributed(key.table_name) && key.columns[0] !== "workspace_id")
      .filter((key) => !(`${key.table_name}.${key.index_name}` in KEY_EXCEPTIONS))
      .map((key) => `${key.table_name}.${key.index_name}: (${key.columns.join(", ")})`);
    expect(problems).toEqual([]);
  });

  it("joins every foreign key between distributed tables on workspace_id first", () => {
    const problems = foreignKeys
      .filter((fk) => isDistributed(fk.table_name) && isDistributed(fk.foreign_table))
      .filter((fk) => fk.columns[0] !== "workspace_id" || fk.foreign_columns[0] !== "workspace_id")
      .map(
        (fk) =>
          `${fk.table_name}.${fk.constraint_name}: (${fk.columns.join(", ")}) → ${fk.foreign_table} (${fk.foreign_columns.join(", ")})`,
      );
    expect(problems).toEqual([]);
  });

  it("points reference and local tables at no distributed table", () => {
    const problems = foreignKeys
      .filter(
        (fk) => (isReference(fk.table_name) || isLocal(fk.table_name)) && isDistributed(fk.foreign_table),
      )
      .map((fk) => `${fk.table_name}.${fk.constraint_name} → ${fk.foreign_table}`);
    expect(problems).toEqual([]);
  });

  it("points distributed tables at no local table", () => {
    const problems = foreignKeys
      .filter((fk) => isDistributed(fk.table_name) && isLocal(fk.foreign_table))
      .map((fk) => `${fk.table_name}.${fk.constraint_name} → ${fk.foreign_table}`);
    expect(problems).toEqual([]);
  });

  it("lists only real tables and keys as exceptions, each with its reason", () => {
    for (const [table, reason] of Object.entries(LOCAL_TABLES)) {
      expect(tenantTables.has(table), table).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
    for (const [key, reason] of Object.entries(KEY_EXCEPTIONS)) {
      expect(
        keys.some((row) => `${row.table_name}.${row.index_name}` === key),
        key,
      ).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
    expect(tenantTables.has("workspaces")).toBe(false);
  });
});
