import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookie, serialize as serializeCookie } from "cookie";
import type { Db } from "./db/client.ts";
import { SESSION_DAYS } from "./features/auth/session.service.ts";
import { type RequestCaller, readRequestCaller, requestCallerOf } from "./request-caller.ts";

export const SESSION_COOKIE = "est_session";
export const WORKSPACE_HEADER = "x-est-workspace";

export type Context = {
  db: Db;
  sessionToken: string | null;
  /** The workspace the client is working in (its slug), sent on every request. */
  workspaceSlug: string | null;
  /** The client's address, for rate limits on public endpoints (never stored or logged). */
  clientIp: string;
  /** A session's lifetime and renewal window (SESSION_DAYS). */
  sessionDays: number;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /**
   * For an HTTP request of queries: its caller, read once for all the calls of its batch
   * (server/request-caller.ts). Absent elsewhere (mutations, server-side callers), where each call
   * resolves its session and membership itself.
   */
  requestCaller?: () => Promise<RequestCaller>;
};

export type CookieOptions = { secure: "auto" | "true" | "false" };

export type HttpContextOptions = {
  cookies: CookieOptions;
  /** How many reverse proxies stand in front (TRUST_PROXY); 0 trusts no X-Forwarded-For. */
  trustProxy?: number;
  sessionDays?: number;
};

/**
 * The client's address. Each proxy appends the address it received the request from, so with n
 * trusted proxies the n-th entry from the right is the one the outermost proxy saw; entries left
 * of it are whatever the client sent.
 */
export function clientAddressOf(options: {
  forwardedFor: string | string[] | undefined;
  socketAddress: string | undefined;
  trustedProxies: number;
}): string {
  const socket = options.socketAddress ?? "unknown";
  if (options.trustedProxies < 1 || options.forwardedFor === undefined) return socket;
  const hops = [options.forwardedFor]
    .flat()
    .join(",")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return socket;
  return hops[Math.max(0, hops.length - options.trustedProxies)] ?? socket;
}

export function isHttpsRequest(req: IncomingMessage) {
  return req.headers["x-forwarded-proto"] === "https" || "encrypted" in req.socket;
}

const workspaceSlugOf = (req: IncomingMessage) => {
  const header = req.headers[WORKSPACE_HEADER];
  return typeof header === "string" && header.length > 0 ? header : null;
};

/**
 * The caller of a GET request (its session cookie and workspace header), read once per request
 * (server/request-caller.ts). tRPC runs only queries on a GET: nothing in the request can change
 * who the caller is.
 */
export function createRequestCallerReader(db: Db, options: { sessionDays?: number }) {
  const renewDays = options.sessionDays ?? SESSION_DAYS;
  return (req: IncomingMessage): Promise<RequestCaller> =>
    requestCallerOf(req, () =>
      readRequestCaller({
        db,
        token: parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE] ?? null,
        slug: workspaceSlugOf(req),
        renewDays,
      }),
    );
}

export function createHttpContextFactory(db: Db, options: HttpContextOptions) {
  const sessionDays = options.sessionDays ?? SESSION_DAYS;
  const callerOf = createRequestCallerReader(db, { sessionDays });
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Context => {
    const cookies = parseCookie(req.headers.cookie ?? "");
    const secure =
      options.cookies.secure === "auto" ? isHttpsRequest(req) : options.cookies.secure === "true";
    const setCookie = (value: string, expires: Date) => {
      // One session cookie per response, even when several calls of a batch renew it.
      const others = [res.getHeader("Set-Cookie") ?? []]
        .flat()
        .map(String)
        .filter((cookie) => !cookie.startsWith(`${SESSION_COOKIE}=`));
      res.setHeader("Set-Cookie", [
        ...others,
        serializeCookie(SESSION_COOKIE, value, {
          httpOnly: true,
          sameSite: "lax",
          secure,
          path: "/",
          expires,
        }),
      ]);
    };
    return {
      db,
      sessionToken: cookies[SESSION_COOKIE] ?? null,
      workspaceSlug: workspaceSlugOf(req),
      ...(req.method === "GET" ? { requestCaller: () => callerOf(req) } : {}),
      clientIp: clientAddressOf({
        forwardedFor: req.headers["x-forwarded-for"],
        socketAddress: req.socket.remoteAddress,
        trustedProxies: options.trustProxy ?? 0,
      }),
      sessionDays,
      setSessionCookie: setCookie,
      clearSessionCookie: () => setCookie("", new Date(0)),
    };
  };
}
