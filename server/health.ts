import type http from "node:http";
import type { Db } from "./db/client.ts";

export const HEALTH_ROUTE = "/healthz";
const TIMEOUT_MS = 2000;

/**
 * GET /healthz: 200 {"status":"ok"} when the database answers a trivial query within the timeout,
 * else 503 {"status":"unavailable"}; what failed goes to the log, never into the answer. Probes
 * that arrive while a check is still running share it, so a hung database does not pile them up.
 */
export function createHealthRoute(
  db: Db,
  options: { timeoutMs?: number; onFailure?: (reason: string) => void } = {},
) {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  let running: Promise<boolean> | null = null;
  const check = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const query = db.$queryRaw`SELECT 1`.then(
      () => "ok" as const,
      (error: unknown) => (error instanceof Error ? error.name : "error"),
    );
    const outcome = await Promise.race([query, timeout]);
    clearTimeout(timer);
    if (outcome !== "ok") options.onFailure?.(outcome);
    return outcome === "ok";
  };
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    running ??= check().finally(() => {
      running = null;
    });
    const isHealthy = await running;
    res
      .writeHead(isHealthy ? 200 : 503, { "Content-Type": "application/json", "Cache-Control": "no-store" })
      .end(JSON.stringify({ status: isHealthy ? "ok" : "unavailable" }));
  };
}
