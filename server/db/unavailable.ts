/** Prisma's codes for a database it cannot reach or that closed the connection. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
/** The driver adapter's kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** PostgreSQL's connection exceptions (class 08) and shutdown or start-up (57P01–57P03). */
const SQLSTATES = /^(08|57P0[1-3])/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

type Unknown = {
  code?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
};

/**
 * True when an error (or one it wraps) says the database is away: PostgreSQL restarting, stopped
 * or unreachable. Such a request is answered 503 with a plain message rather than as a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    const { code, cause, meta } = current as Unknown;
    if (typeof code === "string" && (PRISMA_CODES.has(code) || NODE_CODES.has(code))) return true;
    const adapter = meta?.driverAdapterError?.cause;
    if (adapter?.kind && ADAPTER_KINDS.has(adapter.kind)) return true;
    if (adapter?.kind === "postgres" && SQLSTATES.test(adapter.code ?? "")) return true;
    current = cause;
  }
  return false;
}
