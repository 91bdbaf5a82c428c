import type { Env } from "../env.ts";
import { dropOrphanedStagingTables } from "../features/incidents/incident-writer.ts";
import type { RawDriver } from "./adapter.ts";
import { connectDb, type DbHandle } from "./client.ts";
import { asDataDirError } from "./data-dir-errors.ts";
import {
  acquireDataDirLock,
  type DataDirLock,
  describeUncleanShutdown,
  type LockHolder,
} from "./data-dir-lock.ts";

export type ConfiguredDb = DbHandle & { lock: DataDirLock | null };

/** No import runs longer than its transaction's 10 minutes: a staging table an hour old is orphaned. */
const STAGING_ORPHAN_AGE_MS = 3_600_000;

/** Staging tables of an import whose process was killed (they hold nothing published) go. */
async function clearOrphanedStaging(driver: RawDriver, olderThanMs: number, log: (line: string) => void) {
  // Housekeeping only: a database that refuses it (a full disk, a role without DROP) still opens.
  const dropped = await dropOrphanedStagingTables(driver, olderThanMs).catch(() => 0);
  if (dropped > 0)
    log(
      `Tog bort ${dropped} mellanlagringstabell(er) efter en import som avbröts; inget av den importen sparades.`,
    );
}

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
    const log = options.log ?? console.warn;
    const handle = await connectDb(
      {
        databaseUrl: env.DATABASE_URL,
        // Told, not fatal: the pool replaces the connection, and requests go on once PostgreSQL answers.
        onIdleError: (error) =>
          log(`PostgreSQL stängde en vilande anslutning (${error.message}); nästa fråga öppnar en ny.`),
      },
      { migrate: options.migrate },
    );
    await clearOrphanedStaging(handle.driver, STAGING_ORPHAN_AGE_MS, log);
    return { ...handle, lock: null };
  }
  const lock = acquireDataDirLock(env.DATA_DIR, { role: options.role, command: options.command });
  if (lock.uncleanPrevious)
    (options.log ?? console.warn)(describeUncleanShutdown(env.DATA_DIR, lock.uncleanPrevious));
  try {
    const handle = await connectDb({ pgliteDir: env.pgliteDir }, { migrate: options.migrate }).catch(
      (error: unknown) => {
        // A full, read-only or unwritable folder: say which and what to do, not an errno.
        throw asDataDirError(env.DATA_DIR, error);
      },
    );
    // This process holds the folder alone: every staging table in it is left over.
    await clearOrphanedStaging(handle.driver, 0, options.log ?? console.warn);
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
