/**
 * The embedded database's folder cannot be used: read-only, not writable for this user, full, or
 * not a folder at all. Every command and the app stop with this message (Swedish, then English),
 * which names the folder and what to do, instead of a bare errno.
 */
export class DataDirUnusableError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: DataDirProblem,
    cause?: unknown,
  ) {
    super(describeDataDirProblem(dataDir, reason), { cause });
    this.name = "DataDirUnusableError";
  }
}

export type DataDirProblem = "read-only" | "no-permission" | "full" | "not-a-folder";

// Node's error codes, and the numbers Emscripten's file system (inside PGlite) uses for the same.
const BY_CODE: Record<string, DataDirProblem> = {
  EROFS: "read-only",
  EACCES: "no-permission",
  EPERM: "no-permission",
  ENOSPC: "full",
  EDQUOT: "full",
  ENOTDIR: "not-a-folder",
};
const BY_EMSCRIPTEN_ERRNO: Record<number, DataDirProblem> = {
  2: "no-permission", // EACCES
  63: "no-permission", // EPERM
  51: "full", // ENOSPC
  69: "read-only", // EROFS
  54: "not-a-folder", // ENOTDIR
};
/** PostgreSQL's own SQLSTATE when it cannot extend a file: the disk is full. */
const DISK_FULL_SQLSTATE = "53100";

/** What kind of folder problem an error from fs, PGlite's file system or PostgreSQL is, if any. */
export function dataDirProblemOf(error: unknown): DataDirProblem | null {
  if (!error || typeof error !== "object") return null;
  const { code, errno, name } = error as { code?: unknown; errno?: unknown; name?: unknown };
  if (typeof code === "string" && code in BY_CODE) return BY_CODE[code] ?? null;
  if (code === DISK_FULL_SQLSTATE) return "full";
  if (name === "ErrnoError" && typeof errno === "number") return BY_EMSCRIPTEN_ERRNO[errno] ?? null;
  return null;
}

/** Rethrows a folder problem as DataDirUnusableError; any other error unchanged. */
export function asDataDirError(dataDir: string, error: unknown): unknown {
  if (error instanceof DataDirUnusableError) return error;
  const problem = dataDirProblemOf(error);
  return problem ? new DataDirUnusableError(dataDir, problem, error) : error;
}

export function describeDataDirProblem(dataDir: string, problem: DataDirProblem): string {
  switch (problem) {
    case "read-only":
      return (
        `Datamappen ${dataDir} är skrivskyddad (filsystemet är monterat skrivskyddat), så den inbäddade databasen kan inte öppnas. ` +
        "Montera den skrivbar eller ange en annan mapp i DATA_DIR.\n" +
        `The data folder ${dataDir} is read-only (its file system is mounted read-only), so the embedded database cannot be opened. ` +
        "Mount it writable or set DATA_DIR to another folder."
      );
    case "no-permission":
      return (
        `Användaren som kör appen får inte skriva i datamappen ${dataDir}. ` +
        "Ge den skrivrätt (till exempel chown -R <användare> på mappen) eller ange en annan mapp i DATA_DIR.\n" +
        `The user running the app may not write to the data folder ${dataDir}. ` +
        "Give it write permission (for example chown -R <user> on the folder) or set DATA_DIR to another folder."
      );
    case "full":
      return (
        `Disken där datamappen ${dataDir} ligger är full; databasen kan inte skriva. Inget som inte hann sparas är halvsparat. ` +
        "Frigör utrymme (df -h visar hur mycket som finns kvar) eller flytta datamappen till en större disk och ange den i DATA_DIR, och starta sedan om.\n" +
        `The disk holding the data folder ${dataDir} is full; the database cannot write. Nothing that failed to save was saved in part. ` +
        "Free some space (df -h shows what is left) or move the data folder to a larger disk and set DATA_DIR to it, then start again."
      );
    case "not-a-folder":
      return (
        `Datamappen ${dataDir} är inte en mapp (sökvägen, eller en del av den, är en fil). ` +
        "Ange en mapp i DATA_DIR, eller flytta filen som står i vägen.\n" +
        `The data folder ${dataDir} is not a folder (the path, or part of it, is a file). ` +
        "Set DATA_DIR to a folder, or move the file that is in the way."
      );
  }
}
