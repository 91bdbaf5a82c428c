import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import sirv from "sirv";
import { type CookieOptions, createHttpContextFactory } from "./context.ts";
import type { Db } from "./db/client.ts";
import { createImportRoute, IMPORT_ROUTE } from "./features/imports/import-http.ts";
import { createPdfRoute } from "./features/lagesbild/pdf-route.ts";
import type { PublicConfig } from "./features/system/system.router.ts";
import { createAppRouter } from "./router.ts";

export type AppOptions = {
  db: Db;
  cookies: CookieOptions;
  config: PublicConfig;
  /** The built client (dist/client); when absent only the API is served. */
  clientDir?: string;
  log?: (line: string) => void;
  /** The browser that prints lägesbild PDFs on the server. */
  chromiumPath?: string;
};

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
};

function contentSecurityPolicy(mapStyleUrl: string | null) {
  const mapOrigin = mapStyleUrl ? ` ${new URL(mapStyleUrl).origin} https:` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${mapOrigin}`,
    `connect-src 'self'${mapOrigin}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** One port: the tRPC API under /trpc and the built client with SPA fallback everywhere else. */
export function createApp(options: AppOptions): http.Server {
  const trpc = createHTTPHandler({
    router: createAppRouter(options.config),
    basePath: "/trpc/",
    maxBodySize: 45 * 1024 * 1024,
    createContext: createHttpContextFactory(options.db, options.cookies),
    onError({ error, path: procedure }) {
      // Only the code and procedure: inputs and messages can carry personal data.
      if (error.code === "INTERNAL_SERVER_ERROR")
        options.log?.(`tRPC ${procedure ?? "?"} failed: ${error.cause?.name ?? error.name}`);
    },
  });
  const importRoute = createImportRoute(options.db, options.log);
  const pdfRoute = createPdfRoute(options.db, {
    chromiumPath: options.chromiumPath ?? "/usr/bin/chromium",
    log: options.log,
  });
  const hasClient = options.clientDir && fs.existsSync(path.join(options.clientDir, "index.html"));
  const assets = hasClient
    ? sirv(options.clientDir, { single: true, etag: true, gzip: false, immutable: true })
    : null;
  const csp = contentSecurityPolicy(options.config.mapStyleUrl);
  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.url?.startsWith("/trpc/")) {
      res.setHeader("Cache-Control", "no-store");
      trpc(req, res);
      return;
    }
    if (req.url?.startsWith("/api/w/")) {
      void pdfRoute(req, res);
      return;
    }
    if (req.url?.startsWith(IMPORT_ROUTE)) {
      void importRoute(req, res);
      return;
    }
    if (req.url === "/healthz") {
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      return;
    }
    res.setHeader("Content-Security-Policy", csp);
    if (!assets) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Client not built: run npm run build");
      return;
    }
    assets(req, res, () => {
      res.writeHead(404).end();
    });
  });
}
