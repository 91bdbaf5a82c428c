import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { parse as parseCookie } from "cookie";
import sirv from "sirv";
import { MAX_BATCH_SIZE } from "../shared/api-limits.ts";
import { bodyLimitFor, PUBLIC_BODY_LIMIT, procedurePathsOf } from "./body-limits.ts";
import {
  type CookieOptions,
  createHttpContextFactory,
  createRequestCallerReader,
  isHttpsRequest,
  SESSION_COOKIE,
} from "./context.ts";
import type { Db } from "./db/client.ts";
import { createFastAnswers } from "./fast-answers.ts";
import { resolveSession, SESSION_DAYS } from "./features/auth/session.service.ts";
import { createImportRoute, IMPORT_ROUTE } from "./features/imports/import-http.ts";
import { createPdfRoute } from "./features/lagesbild/pdf-route.ts";
import { BASEMAP_ROUTE, createBasemapRoute } from "./features/maps/basemap-route.ts";
import { knownMapOrigins, refreshMapOrigins } from "./features/maps/map-origins.ts";
import { allowFraming, isEmbeddablePage } from "./features/medborgarlofte/embedding.ts";
import { createPublicPageRoute, isPublicPagePath } from "./features/medborgarlofte/public-html-route.ts";
import { cachedPublicPageOf } from "./features/medborgarlofte/public-page.service.ts";
import { createOidcClient, type OidcOptions } from "./features/sso/oidc-client.ts";
import { createOidcRoute, OIDC_ROUTE } from "./features/sso/oidc-route.ts";
import type { PublicConfig } from "./features/system/system.router.ts";
import { createHealthRoute, HEALTH_ROUTE } from "./health.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { withRequestLog } from "./request-log.ts";
import { createAppRouter } from "./router.ts";

export type AppOptions = {
  db: Db;
  cookies: CookieOptions;
  config: PublicConfig;
  /** The built client (dist/client); when absent only the API is served. */
  clientDir?: string;
  /** Structured log lines (server/logger.ts); silent when absent. */
  logger?: Logger;
  /** The browser that prints lägesbild PDFs on the server. */
  chromiumPath?: string;
  /** Reverse proxies in front whose X-Forwarded-For entries are trusted (TRUST_PROXY). */
  trustProxy?: number;
  /** Session lifetime and renewal window in days (SESSION_DAYS). */
  sessionDays?: number;
  /** The basemap archive served under /basemap/ (BASEMAP_PMTILES); without it maps use the offline style. */
  basemapPmtiles?: string;
  /** Single sign-on through this OpenID Connect provider (OIDC_* in server/env.ts, decisions/020). */
  oidc?: OidcOptions | null;
};

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
};
const HSTS = "max-age=31536000";
const TRPC_BASE = "/trpc/";

function contentSecurityPolicy(mapOrigins: readonly string[]) {
  const mapOrigin = mapOrigins.length > 0 ? ` ${mapOrigins.join(" ")} https:` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${mapOrigin}`,
    `connect-src 'self'${mapOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * A state-changing request sent by a page of another site (CSRF). JSON bodies already need a CORS
 * preflight; the Origin (or, without it, Sec-Fetch-Site) is checked as well. Clients that are not
 * browsers send neither and are let through: they cannot carry a victim's cookie.
 */
function isCrossSite(req: http.IncomingMessage, trustProxy: number) {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const forwardedHost = trustProxy > 0 ? req.headers["x-forwarded-host"] : undefined;
    const hosts = [req.headers.host, ...[forwardedHost ?? []].flat()];
    return !URL.canParse(origin) || !hosts.includes(new URL(origin).host);
  }
  const site = req.headers["sec-fetch-site"];
  return site !== undefined && site !== "same-origin" && site !== "none";
}

// tRPC's JSON-RPC error numbers for the two answers given before tRPC sees the request.
const RPC_CODES = { FORBIDDEN: -32003, INTERNAL_SERVER_ERROR: -32603 } as const;

function sendTrpcError(
  res: http.ServerResponse,
  status: 403 | 500,
  code: keyof typeof RPC_CODES,
  appCode: "FORBIDDEN" | "INTERNAL",
  message: string,
) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(
    JSON.stringify({
      error: { message, code: RPC_CODES[code], data: { code, httpStatus: status, appCode } },
    }),
  );
}

/** One port: the tRPC API under /trpc and the built client with SPA fallback everywhere else. */
export function createApp(options: AppOptions): http.Server {
  const trustProxy = options.trustProxy ?? 0;
  const oidc = options.oidc ? createOidcClient(options.oidc) : null;
  const router = createAppRouter({ ...options.config, sso: oidc ? { name: oidc.name } : null });
  const logger = options.logger ?? silentLogger;
  const logLine = (line: string) => logger.error(line);
  const createContext = createHttpContextFactory(options.db, {
    cookies: options.cookies,
    trustProxy,
    sessionDays: options.sessionDays,
  });
  // One handler per body limit: a request is read only up to what its procedures may carry.
  const handlers = new Map<number, ReturnType<typeof createHTTPHandler>>();
  const trpcFor = (maxBodySize: number) => {
    const existing = handlers.get(maxBodySize);
    if (existing) return existing;
    const handler = createHTTPHandler({
      router,
      basePath: TRPC_BASE,
      maxBodySize,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext,
      onError({ error, path: procedure }) {
        // Only the code and procedure: inputs and messages can carry personal data.
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error(
            { procedure: procedure ?? "unknown", error: error.cause?.name ?? error.name },
            "tRPC failed",
          );
      },
    });
    handlers.set(maxBodySize, handler);
    return handler;
  };
  // Cached dashboard answers in front of tRPC, with the same checks per request (fast-answers.ts).
  const fastAnswers = createFastAnswers({
    db: options.db,
    router,
    callerOf: createRequestCallerReader(options.db, { sessionDays: options.sessionDays }),
    publicAnswers: {
      "medborgarlofte.publicPage": (input) =>
        cachedPublicPageOf(options.db, (input as { workspace: string }).workspace),
    },
  });
  // Bodies larger than a signed-out report's are for signed-in users only, checked before reading.
  const bodyLimitOf = async (req: http.IncomingMessage) => {
    const limit = bodyLimitFor(procedurePathsOf(req.url ?? TRPC_BASE, TRPC_BASE));
    if (limit <= PUBLIC_BODY_LIMIT || req.method !== "POST") return limit;
    const token = parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE] ?? null;
    return (await resolveSession({ db: options.db, token })) ? limit : PUBLIC_BODY_LIMIT;
  };
  const importRoute = createImportRoute(options.db, logLine);
  const oidcRoute = createOidcRoute({
    db: options.db,
    oidc,
    cookies: options.cookies,
    sessionDays: options.sessionDays ?? SESSION_DAYS,
    trustProxy,
    log: logLine,
  });
  const pdfRoute = createPdfRoute(options.db, {
    chromiumPath: options.chromiumPath ?? "/usr/bin/chromium",
    log: logLine,
  });
  const hasClient = options.clientDir && fs.existsSync(path.join(options.clientDir, "index.html"));
  const assets = hasClient
    ? sirv(options.clientDir, { single: true, etag: true, gzip: false, immutable: true })
    : null;
  const publicPageRoute =
    hasClient && options.clientDir
      ? createPublicPageRoute(options.db, { clientDir: options.clientDir, trustProxy })
      : null;
  const basemapRoute = createBasemapRoute(options.basemapPmtiles);
  // The configured style's origin and those workspaces chose (maps.setBasemapStyle), kept current.
  const configuredOrigin = options.config.mapStyleUrl ? [new URL(options.config.mapStyleUrl).origin] : [];
  let csp = { key: "", value: contentSecurityPolicy(configuredOrigin) };
  const currentCsp = () => {
    const origins = [...new Set([...configuredOrigin, ...knownMapOrigins(options.db)])];
    const key = origins.join(" ");
    if (key !== csp.key) csp = { key, value: contentSecurityPolicy(origins) };
    return csp.value;
  };
  const readOrigins = () => void refreshMapOrigins(options.db).catch(() => undefined);
  readOrigins();
  const originTimer = setInterval(readOrigins, 60_000).unref();
  const healthRoute = createHealthRoute(options.db, {
    onFailure: (reason) => logger.error({ reason }, "health check failed"),
  });
  const knownProcedures = new Set(Object.keys(router._def.procedures));
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // Not on /api/ answers: a PDF shown inline is a plugin document that object-src 'none' would block.
    if (!req.url?.startsWith("/api/")) res.setHeader("Content-Security-Policy", currentCsp());
    if (isEmbeddablePage(req.url)) allowFraming(res);
    if (isHttpsRequest(req)) res.setHeader("Strict-Transport-Security", HSTS);
    if (req.url?.startsWith(TRPC_BASE)) {
      res.setHeader("Cache-Control", "no-store");
      if (isCrossSite(req, trustProxy))
        return sendTrpcError(res, 403, "FORBIDDEN", "FORBIDDEN", "Cross-site request refused");
      // A failure there (the database away) is met again by tRPC, which gives its own answer (503).
      fastAnswers(req, res)
        .catch(() => false)
        .then(async (isAnswered) => {
          if (!isAnswered) trpcFor(await bodyLimitOf(req))(req, res);
        })
        .catch(() =>
          sendTrpcError(res, 500, "INTERNAL_SERVER_ERROR", "INTERNAL", "Something went wrong on our side."),
        );
      return;
    }
    if (req.url?.startsWith("/api/w/")) {
      void pdfRoute(req, res);
      return;
    }
    if (req.url?.startsWith(OIDC_ROUTE)) {
      void oidcRoute(req, res);
      return;
    }
    if (req.url?.startsWith(IMPORT_ROUTE)) {
      void importRoute(req, res);
      return;
    }
    if (req.url?.startsWith(BASEMAP_ROUTE)) {
      basemapRoute(req, res);
      return;
    }
    if (req.url === HEALTH_ROUTE) {
      void healthRoute(req, res);
      return;
    }
    if (publicPageRoute && req.method === "GET" && isPublicPagePath(req.url)) {
      void publicPageRoute(req, res);
      return;
    }
    if (!assets) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Client not built: run npm run build");
      return;
    }
    assets(req, res, () => {
      res.writeHead(404).end();
    });
  };
  const server = http.createServer(withRequestLog(logger, knownProcedures, handle));
  server.on("close", () => clearInterval(originTimer));
  return server;
}
