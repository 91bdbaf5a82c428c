import type { Env } from "../env.ts";
import { connectDb, type DbHandle } from "./client.ts";
import {
  acquireDataDirLock,
  type DataDirLock,
  describeUncleanShutdown,
  type LockHolder,
} from "./data-dir-lock.ts";

export type ConfiguredDb = DbHandle & { lock: DataDirLock | null };

/**
 * Opens the database the environment names, as the app and every command do. On PostgreSQL many
 * processes may connect; the embedded database's folder is locked first, and a process that
 * cannot get it stops here with DataDirBusyError, before anything is opened.
 */
export async function openConfiguredDb(
  env: Env,
  options: { role: LockHolder["role"]; command: string; migrate?: boolean; log?: (line: string) => void },
): Promise<ConfiguredDb> {
  if (env.DATABASE_URL) {
    const handle = await connectDb({ databaseUrl: env.DATABASE_URL }, { migrate: options.migrate });
    return { ...handle, lock: null };
  }
  const lock = acquireDataDirLock(env.DATA_DIR, { role: options.role, command: options.command });
  if (lock.uncleanPrevious)
    (options.log ?? console.warn)(describeUncleanShutdown(env.DATA_DIR, lock.uncleanPrevious));
  try {
    const handle = await connectDb({ pgliteDir: env.pgliteDir }, { migrate: options.migrate });
    return {
      ...handle,
      lock,
      async close() {
        try {
          await handle.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
