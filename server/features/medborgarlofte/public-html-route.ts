import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { PublicPage } from "../../../shared/schemas/medborgarlofte.ts";
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

type Rendered = { body: Buffer; etag: string };

/** Whether the reader already holds this version (If-None-Match, a list or `*`). */
function isNotModified(req: IncomingMessage, etag: string) {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/**
 * GET /lofte/<workspace>: the app's page with the public page already in it as HTML, so it reads
 * without JavaScript and a newspaper's readers are served from the minute cache. Each cached page
 * is rendered once per variant into bytes with an ETag, so a reader costs a lookup and a write
 * (or a bodiless 304 when the browser already holds it).
 */
export function createPublicPageRoute(db: Db, options: { clientDir: string; trustProxy: number }) {
  let shell: string | null = null;
  const shellHtml = () => {
    shell ??= fs.readFileSync(path.join(options.clientDir, "index.html"), "utf8");
    return shell;
  };
  const htmlOf = (title: string, body: string) =>
    shellHtml()
      // Replacer functions: a "$'" or "$&" in a promise's text is text, not a replacement pattern.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
      .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`);
  // Keyed by the cached page object: a new page (after a minute or a change) is rendered anew, and
  // an old one's bytes go with it.
  const rendered = new WeakMap<PublicPage, { plain?: Rendered; embedded?: Rendered }>();
  const renderedOf = (page: PublicPage, isEmbedded: boolean): Rendered => {
    const variants = rendered.get(page) ?? {};
    const variant = isEmbedded ? "embedded" : "plain";
    const existing = variants[variant];
    if (existing) return existing;
    const body = Buffer.from(
      htmlOf(`Medborgarlöften: ${page.name}`, renderPublicPageHtml(page, isEmbedded)),
      "utf8",
    );
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    variants[variant] = { body, etag };
    rendered.set(page, variants);
    return variants[variant];
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const slug = url.pathname.split("/")[2] ?? "";
    const isEmbedded = url.searchParams.get("inbaddad") === "1";
    try {
      const clientIp = clientAddressOf({
        forwardedFor: req.headers["x-forwarded-for"],
        socketAddress: req.socket.remoteAddress,
        trustedProxies: options.trustProxy,
      });
      const { body, etag } = renderedOf(await getPublicPage({ db, clientIp }, slug), isEmbedded);
      const headers = { "Cache-Control": CACHE_CONTROL, ETag: etag };
      if (isNotModified(req, etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      res
        .writeHead(200, {
          ...headers,
          "Content-Type": "text/html; charset=utf-8",
          "Content-Length": body.length,
        })
        .end(body);
    } catch (error) {
      const code = error instanceof AppError ? error.code : "INTERNAL";
      const [status, text] =
        code === "NOT_FOUND"
          ? [404, "Det finns ingen sådan kommun här."]
          : code === "RATE_LIMITED"
            ? [429, "För många försök från samma adress. Vänta en minut och försök igen."]
            : [500, "Sidan kunde inte visas just nu. Försök igen om en stund."];
      res
        .writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
        .end(htmlOf("Medborgarlöften", `<main id="main" class="page"><p>${text}</p></main>`));
    }
  };
}
