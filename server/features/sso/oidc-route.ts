import { randomBytes } from "node:crypto";
import type http from "node:http";
import { parse as parseCookie, serialize as serializeCookie } from "cookie";
import type { SsoFailure } from "../../../shared/schemas/sso.ts";
import { type CookieOptions, clientAddressOf, isHttpsRequest, SESSION_COOKIE } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { createRateLimiter } from "../../rate-limit.ts";
import { hashToken } from "../auth/session.service.ts";
import type { OidcClient } from "./oidc-client.ts";
import { recordSsoFailure, SsoRefusal, signInWithSso } from "./sso-sign-in.service.ts";

export const OIDC_ROUTE = "/auth/oidc/";
const STATE_COOKIE = "est_oidc";
const STATE_PATH = "/auth/oidc";
const STATE_MS = 10 * 60_000;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

type RouteOptions = {
  db: Db;
  oidc: OidcClient | null;
  cookies: CookieOptions;
  sessionDays: number;
  trustProxy: number;
  /** Failures talking to the provider: the error's name only (its message may carry a token). */
  log: (line: string) => void;
};

function redirect(res: http.ServerResponse, location: string, cookies: string[] = []) {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", "Set-Cookie": cookies }).end();
}

/** Back to the login page with a code it puts in words; never anything the provider sent. */
const toLogin = (res: http.ServerResponse, code: SsoFailure, cookies: string[] = []) =>
  redirect(res, `/login?sso=${code}`, cookies);

/**
 * GET /auth/oidc/start[?workspace=slug] sends the browser to the provider; GET
 * /auth/oidc/callback takes it back, checks state, PKCE and nonce, and signs the person in with
 * a session like a password's (docs/decisions/020). What the flow needs in between (state, nonce,
 * PKCE verifier) is a database row found by the SHA-256 of an HttpOnly cookie's random value.
 */
export function createOidcRoute(options: RouteOptions) {
  const { db, oidc } = options;
  const limiter = createRateLimiter({ windowMs: 10 * 60_000, max: 60 });
  const isSecure = (req: http.IncomingMessage) =>
    options.cookies.secure === "auto" ? isHttpsRequest(req) : options.cookies.secure === "true";
  const stateCookie = (req: http.IncomingMessage, value: string, maxAge: number) =>
    serializeCookie(STATE_COOKIE, value, {
      httpOnly: true,
      sameSite: "lax",
      secure: isSecure(req),
      path: STATE_PATH,
      maxAge,
    });

  async function start(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (!oidc) return toLogin(res, "not_configured");
    const slug = url.searchParams.get("workspace");
    if (slug !== null) {
      const found = SLUG.test(slug)
        ? await db.workspace.findUnique({ where: { slug }, select: { id: true } })
        : null;
      const enabled =
        found !== null &&
        (await db.workspaceSsoSettings.count({ where: { workspaceId: found.id, isEnabled: true } })) > 0;
      if (!enabled) return toLogin(res, "workspace_not_enabled");
    }
    const redirectUri =
      oidc.redirectUrl ??
      `${isHttpsRequest(req) ? "https" : "http"}://${req.headers.host ?? "localhost"}${STATE_PATH}/callback`;
    const pending = await oidc.begin(redirectUri);
    const browser = randomBytes(32).toString("base64url");
    await db.oidcSignInState.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    await db.oidcSignInState.create({
      data: {
        browserHash: hashToken(browser),
        state: pending.state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
        redirectUri,
        workspaceSlug: slug,
        expiresAt: new Date(Date.now() + STATE_MS),
      },
    });
    redirect(res, pending.url.toString(), [stateCookie(req, browser, STATE_MS / 1000)]);
  }

  /** The pending sign-in this browser started, used up: a second callback finds nothing. */
  async function takePending(req: http.IncomingMessage) {
    const browser = parseCookie(req.headers.cookie ?? "")[STATE_COOKIE];
    if (!browser) return null;
    const row = await db.oidcSignInState
      .delete({ where: { browserHash: hashToken(browser) } })
      .catch(() => null);
    return row && row.expiresAt.getTime() > Date.now() ? row : null;
  }

  async function callback(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const clear = [stateCookie(req, "", 0)];
    if (!oidc) return toLogin(res, "not_configured", clear);
    const pending = await takePending(req);
    // Without this browser's pending sign-in there is nothing to check against (and nothing recorded).
    if (!pending) return toLogin(res, "state_mismatch", clear);
    if (url.searchParams.get("state") !== pending.state) {
      await recordSsoFailure(db, "state_mismatch", null);
      return toLogin(res, "state_mismatch", clear);
    }
    const callbackUrl = new URL(pending.redirectUri);
    callbackUrl.search = url.search;
    let identity: Awaited<ReturnType<OidcClient["finish"]>>;
    try {
      identity = await oidc.finish(callbackUrl, pending);
    } catch (error) {
      options.log(`single sign-on failed at the provider: ${(error as Error).name}`);
      await recordSsoFailure(db, "provider_error", null);
      return toLogin(res, "provider_error", clear);
    }
    try {
      const { session, workspaceSlug } = await signInWithSso({
        db,
        identity,
        workspaceSlug: pending.workspaceSlug,
        sessionDays: options.sessionDays,
        trustEmail: oidc.trustEmail,
      });
      const sessionCookie = serializeCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: isSecure(req),
        path: "/",
        expires: session.expiresAt,
      });
      redirect(res, workspaceSlug ? `/w/${workspaceSlug}` : "/system", [...clear, sessionCookie]);
    } catch (error) {
      if (error instanceof SsoRefusal) return toLogin(res, error.code, clear);
      throw error;
    }
  }

  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://app.invalid");
    if (req.method !== "GET") return res.writeHead(405, { Allow: "GET" }).end();
    const address = clientAddressOf({
      forwardedFor: req.headers["x-forwarded-for"],
      socketAddress: req.socket.remoteAddress,
      trustedProxies: options.trustProxy,
    });
    if (limiter.isLimited(address)) return res.writeHead(429, { "Retry-After": "600" }).end();
    limiter.hit(address);
    try {
      if (url.pathname === `${STATE_PATH}/start`) return await start(req, res, url);
      if (url.pathname === `${STATE_PATH}/callback`) return await callback(req, res, url);
      res.writeHead(404).end();
    } catch (error) {
      options.log(`single sign-on route failed: ${(error as Error).name}`);
      if (!res.headersSent) toLogin(res, "provider_error");
    }
  };
}
