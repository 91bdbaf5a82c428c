import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asDataDirError, DataDirUnusableError } from "./data-dir-errors.ts";

/** Who holds a data folder: written into its lock file so a refused process can name it. */
export type LockHolder = {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for the holder. */
  startTicks: string | null;
  hostname: string;
  role: "app" | "import" | "database" | "admin";
  command: string;
  startedAt: string;
  /** Where the app answers, once it listens (the import command hands its files there). */
  url?: string;
};

export type DataDirLock = {
  holder: LockHolder;
  /** The holder of a lock found behind a process that died without releasing it. */
  uncleanPrevious: LockHolder | null;
  update(patch: Partial<LockHolder>): void;
  release(): void;
};

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(describeBusy(dataDir, holder));
    this.name = "DataDirBusyError";
  }
}

const LOCK_FILE = "est.lock";
const lockPathOf = (dataDir: string) => path.join(dataDir, LOCK_FILE);

function startTicksOf(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count after ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** True while the recorded process runs; a pid reused by another process does not count. */
export function isHolderAlive(holder: LockHolder): boolean {
  // Another machine's process (a shared folder) cannot be checked: assume it runs.
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (holder.startTicks === null) return true;
  const ticks = startTicksOf(holder.pid);
  return ticks === null || ticks === holder.startTicks;
}

export function readDataDirLock(dataDir: string): { holder: LockHolder; isAlive: boolean } | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPathOf(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let holder: LockHolder;
  try {
    holder = JSON.parse(text) as LockHolder;
  } catch {
    // A lock torn by a crash mid-write: its writer is gone.
    return {
      holder: {
        pid: 0,
        startTicks: null,
        hostname: os.hostname(),
        role: "app",
        command: "?",
        startedAt: "?",
      },
      isAlive: false,
    };
  }
  return { holder, isAlive: isHolderAlive(holder) };
}

function writeExclusive(file: string, holder: LockHolder): boolean {
  try {
    fs.writeFileSync(file, JSON.stringify(holder), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Takes the data folder for this process alone, before anything in it is opened. PGlite is one
 * process's database: a second process on the same folder loses or corrupts data. The lock is a
 * file naming its holder; it counts only while that process lives, so a crash leaves nothing that
 * blocks the next start.
 */
export function acquireDataDirLock(
  dataDir: string,
  options: { role: LockHolder["role"]; command: string },
): DataDirLock {
  try {
    return takeLock(dataDir, options);
  } catch (error) {
    throw asDataDirError(dataDir, error);
  }
}

function takeLock(dataDir: string, options: { role: LockHolder["role"]; command: string }): DataDirLock {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    // mkdir -p on a path that is a file.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new DataDirUnusableError(dataDir, "not-a-folder", error);
    throw error;
  }
  const file = lockPathOf(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    startTicks: startTicksOf(process.pid),
    hostname: os.hostname(),
    role: options.role,
    command: options.command,
    startedAt: new Date().toISOString(),
  };
  let uncleanPrevious: LockHolder | null = null;
  for (let attempt = 0; !writeExclusive(file, holder); attempt++) {
    const current = readDataDirLock(dataDir);
    if (current?.isAlive) throw new DataDirBusyError(dataDir, current.holder);
    if (attempt >= 3) throw new Error(`Could not take the lock ${file}`);
    if (current) {
      uncleanPrevious = current.holder;
      // Rename, not unlink: of two processes clearing the same stale lock only one succeeds,
      // and the other then meets the winner's lock and is refused.
      const stale = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, stale);
        fs.rmSync(stale, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  let isHeld = true;
  const release = () => {
    if (!isHeld) return;
    isHeld = false;
    process.off("exit", release);
    const current = readDataDirLock(dataDir);
    if (current && current.holder.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on("exit", release);
  return {
    holder,
    uncleanPrevious,
    update(patch) {
      Object.assign(holder, patch);
      // Written beside and renamed over, so a reader never sees half a file.
      const next = `${file}.${process.pid}`;
      fs.writeFileSync(next, JSON.stringify(holder));
      fs.renameSync(next, file);
    },
    release,
  };
}

const ROLE_NAMES: Record<LockHolder["role"], string> = {
  app: "EST Lägesbild (npm start)",
  import: "en import (npm run import)",
  database: "ett databaskommando (npm run db:…)",
  admin: "ett administrationskommando (npm run admin)",
};

function describeBusy(dataDir: string, holder: LockHolder): string {
  const where = holder.url ? ` på ${holder.url}` : "";
  const since =
    holder.startedAt !== "?" ? `, startad ${holder.startedAt.slice(0, 19).replace("T", " ")} UTC` : "";
  const host = holder.hostname !== os.hostname() ? ` på datorn ${holder.hostname}` : "";
  const advice =
    holder.role === "app"
      ? "Stoppa den först, eller använd en annan DATA_DIR. Importer kan köras medan appen är igång: npm run import lämnar då filen till appen (se README, Import)."
      : "Vänta tills den är klar och försök igen.";
  return `Datamappen ${dataDir} används redan av ${ROLE_NAMES[holder.role]} (process ${holder.pid}${host}${where}${since}). Den inbäddade databasen kan bara öppnas av en process åt gången. ${advice}`;
}

export function describeUncleanShutdown(dataDir: string, previous: LockHolder): string {
  return `Obs: datamappen ${dataDir} stängdes inte ordentligt förra gången (${ROLE_NAMES[previous.role]}, process ${previous.pid}, avslutades utan att släppa den). Databasen återställer sig själv vid start; kontrollera importhistoriken om en import pågick.`;
}
