import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookie, serialize as serializeCookie } from "cookie";
import type { Db } from "./db/client.ts";

export const SESSION_COOKIE = "est_session";
export const WORKSPACE_HEADER = "x-est-workspace";

export type Context = {
  db: Db;
  sessionToken: string | null;
  /** The workspace the client is working in (its slug), sent on every request. */
  workspaceSlug: string | null;
  /** The client's address, for rate limits on public endpoints (never stored or logged). */
  clientIp: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
};

export type CookieOptions = { secure: "auto" | "true" | "false" };

/** The client's address: the socket's, or behind a trusted proxy (TRUST_PROXY=1) the first X-Forwarded-For. */
function clientIpOf(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (process.env.TRUST_PROXY === "1" && typeof forwarded === "string")
    return forwarded.split(",")[0]?.trim() || "unknown";
  return req.socket.remoteAddress ?? "unknown";
}

export function createHttpContextFactory(db: Db, cookieOptions: CookieOptions) {
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Context => {
    const cookies = parseCookie(req.headers.cookie ?? "");
    const isHttps = req.headers["x-forwarded-proto"] === "https" || "encrypted" in req.socket;
    const secure = cookieOptions.secure === "auto" ? isHttps : cookieOptions.secure === "true";
    const header = req.headers[WORKSPACE_HEADER];
    const setCookie = (value: string, expires: Date) =>
      res.appendHeader(
        "Set-Cookie",
        serializeCookie(SESSION_COOKIE, value, {
          httpOnly: true,
          sameSite: "lax",
          secure,
          path: "/",
          expires,
        }),
      );
    return {
      db,
      sessionToken: cookies[SESSION_COOKIE] ?? null,
      workspaceSlug: typeof header === "string" && header.length > 0 ? header : null,
      clientIp: clientIpOf(req),
      setSessionCookie: setCookie,
      clearSessionCookie: () => setCookie("", new Date(0)),
    };
  };
}
