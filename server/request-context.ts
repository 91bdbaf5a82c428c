import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// Ambient per-request metadata only (the request id for log lines and audit entries), never data
// a service decides on: that is handed in through its scope.
const store = new AsyncLocalStorage<{ requestId: string }>();

/** An incoming X-Request-Id is kept only when it is short and plain (a proxy's UUID or hex id). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$/;

/** The request's id: the proxy's X-Request-Id if it looks safe, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const incoming = Array.isArray(header) ? header[0] : header;
  return incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function runWithRequestId<T>(requestId: string, run: () => T): T {
  return store.run({ requestId }, run);
}

/** The id of the HTTP request being served, or null outside one (a test's caller, the CLI). */
export function currentRequestId(): string | null {
  return store.getStore()?.requestId ?? null;
}
