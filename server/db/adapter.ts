import { once } from "node:events";
import fs from "node:fs";
import { finished } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Env } from "../env.ts";
import { acquireDataDirLock } from "./data-dir-lock.ts";

export type DatabaseTarget = {
  /** A postgres:// URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder, or "memory" for a throwaway in-process database. */
  pgliteDir?: string;
  /** PostgreSQL schema to work in (each test file gets its own). */
  schema?: string;
  /** Told when PostgreSQL closes an idle pooled connection (the pool replaces it by itself). */
  onIdleError?: (error: Error) => void;
};

/** The raw driver under Prisma: multi-statement SQL (migrations) and bulk loads go through it. */
export type RawDriver = {
  kind: "pglite" | "postgres";
  exec(sql: string): Promise<void>;
  /**
   * `name` makes it a prepared statement on PostgreSQL, parsed and planned once per connection
   * (for the few statements every request runs); PGlite ignores it.
   */
  query<Row>(sql: string, params?: unknown[], options?: { name?: string }): Promise<Row[]>;
  /** Runs `COPY … FROM STDIN` with the given text chunks as its input (bulk loads). */
  copyFrom(sql: string, chunks: Iterable<string>): Promise<void>;
  /** The embedded database's own backup: its data folder as a gzipped tarball (PGlite only). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
};

export type Database = {
  driver: RawDriver;
  factory: SqlMigrationAwareDriverAdapterFactory;
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: 10,
      ...(target.schema ? { options: `-c search_path=${quoteIdentifier(target.schema)}` } : {}),
    });
    // An idle connection the server closes (a restart, a failover, a killed backend) is an 'error'
    // event on the pool; unheard, it would end the process. The pool drops that connection and
    // opens a fresh one for the next query, so the app carries on once PostgreSQL is back.
    pool.on("error", (error) => target.onIdleError?.(error));
    const driver: RawDriver = {
      kind: "postgres",
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async <Row>(sql: string, params?: unknown[], options?: { name?: string }) =>
        (options?.name
          ? await pool.query({ name: options.name, text: sql, values: params as unknown[] })
          : await pool.query(sql, params as unknown[])
        ).rows as Row[],
      copyFrom: async (sql, chunks) => {
        const client = await pool.connect();
        try {
          const stream = client.query(copyFromStdin(sql));
          for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, "drain");
          stream.end();
          await finished(stream);
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
    const factory = new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined);
    return { driver, factory };
  }
  const dir = target.pgliteDir ?? "memory";
  if (dir !== "memory") fs.mkdirSync(dir, { recursive: true });
  const pglite = dir === "memory" ? new PGlite() : new PGlite(dir);
  await pglite.waitReady;
  const driver: RawDriver = {
    kind: "pglite",
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    // PGlite reads COPY input from a blob at the virtual path /dev/blob.
    copyFrom: async (sql, chunks) => {
      await pglite.query(sql.replace(/FROM STDIN/i, "FROM '/dev/blob'"), [], { blob: new Blob([...chunks]) });
    },
    dumpDataDir: () => pglite.dumpDataDir("gzip"),
    close: () => pglite.close(),
  };
  // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; the runtime
  // interface is the same, so only its type is widened here.
  const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return { driver, factory };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The Prisma CLI's adapter (prisma.config.ts): the embedded folder is locked as the app would. */
export async function createAdapterFactory(env: Env) {
  if (!env.DATABASE_URL) acquireDataDirLock(env.DATA_DIR, { role: "database", command: "prisma CLI" });
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.pgliteDir });
  return database.factory;
}
