import type http from "node:http";
import { procedurePathsOf } from "./body-limits.ts";
import type { Logger } from "./logger.ts";
import { requestIdFor, runWithRequestId } from "./request-context.ts";

export const REQUEST_ID_HEADER = "X-Request-Id";
const TRPC_BASE = "/trpc/";
const MAX_PATH_LENGTH = 200;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Where a request went, without anything it carried: a tRPC call is named by its procedures (only
 * those the router has; anything else a client wrote in the URL is "unknown"), every other request
 * by its path. Query strings are never logged: they can hold a procedure's input.
 */
export function describeRequest(url: string, knownProcedures: ReadonlySet<string>) {
  const pathname = new URL(url, "http://localhost").pathname;
  if (!pathname.startsWith(TRPC_BASE)) return { path: pathname.slice(0, MAX_PATH_LENGTH) };
  const procedures = procedurePathsOf(url, TRPC_BASE).map((name) =>
    knownProcedures.has(name) ? name : "unknown",
  );
  return { path: "/trpc", procedures };
}

/** Static files and basemap tiles come by the dozen per page: logged only at debug level. */
function levelOf(path: string, status: number) {
  if (status >= 500) return "error" as const;
  if (path === "/trpc" || path.startsWith("/api/")) return "info" as const;
  if (path === "/healthz") return status === 200 ? ("debug" as const) : ("warn" as const);
  return "debug" as const;
}

/**
 * Gives each request an id (returned as X-Request-Id, and on every log line and audit entry made
 * while serving it) and logs one line when it ends: method, path or procedures, status, duration.
 */
export function withRequestLog(
  logger: Logger,
  knownProcedures: ReadonlySet<string>,
  handler: Handler,
): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER.toLowerCase()]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.once("close", () => {
      const where = describeRequest(req.url ?? "/", knownProcedures);
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      logger[levelOf(where.path, res.statusCode)]({
        requestId,
        method: req.method,
        ...where,
        status: res.statusCode,
        durationMs,
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    runWithRequestId(requestId, () => handler(req, res));
  };
}
