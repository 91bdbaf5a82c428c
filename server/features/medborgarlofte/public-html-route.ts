import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { clientAddressOf } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { isEmbeddablePage } from "./embedding.ts";
import { escapeHtml, renderPublicPageHtml } from "./public-html.ts";
import { getPublicPage } from "./public-page.service.ts";

/** The public page's addresses: /lofte/<workspace>, with ?inbaddad=1 for an iframe. */
export const isPublicPagePath = isEmbeddablePage;
/** Every HTTP route of the public page besides tRPC (tests/integration/lofte-public.test.ts checks each). */
export const PUBLIC_PAGE_HTTP_ROUTES = ["/lofte/<workspace>"] as const;

/** Answers shared caches may keep as long as the server keeps the page (public-cache.ts). */
const CACHE_CONTROL = "public, max-age=60";

/**
 * GET /lofte/<workspace>: the app's page with the public page already in it as HTML, so it reads
 * without JavaScript and a newspaper's readers are served from the minute cache.
 */
export function createPublicPageRoute(db: Db, options: { clientDir: string; trustProxy: number }) {
  let shell: string | null = null;
  const shellHtml = () => {
    shell ??= fs.readFileSync(path.join(options.clientDir, "index.html"), "utf8");
    return shell;
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const slug = url.pathname.split("/")[2] ?? "";
    const isEmbedded = url.searchParams.get("inbaddad") === "1";
    const send = (status: number, title: string, body: string, cache: string) =>
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": cache }).end(
        shellHtml()
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
          .replace('<div id="root"></div>', `<div id="root">${body}</div>`),
      );
    try {
      const clientIp = clientAddressOf({
        forwardedFor: req.headers["x-forwarded-for"],
        socketAddress: req.socket.remoteAddress,
        trustedProxies: options.trustProxy,
      });
      const page = await getPublicPage({ db, clientIp }, slug, { isCacheHitCounted: false });
      send(200, `Medborgarlöften: ${page.name}`, renderPublicPageHtml(page, isEmbedded), CACHE_CONTROL);
    } catch (error) {
      const code = error instanceof AppError ? error.code : "INTERNAL";
      const [status, text] =
        code === "NOT_FOUND"
          ? [404, "Det finns ingen sådan kommun här."]
          : code === "RATE_LIMITED"
            ? [429, "För många försök från samma adress. Vänta en minut och försök igen."]
            : [500, "Sidan kunde inte visas just nu. Försök igen om en stund."];
      send(status, "Medborgarlöften", `<main id="main" class="page"><p>${text}</p></main>`, "no-store");
    }
  };
}
