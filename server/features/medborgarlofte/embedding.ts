import type { ServerResponse } from "node:http";

// The public follow-up page (/lofte/<workspace>, and its ?inbaddad=1 variant) is meant to be
// embedded in a kommun's own website. The app refuses framing everywhere else (clickjacking);
// this page has no session and nothing to click that changes data, so any site may frame it.
const PUBLIC_PAGE = /^\/lofte\/[a-z0-9-]+\/?$/;

export function isEmbeddablePage(url: string | undefined): boolean {
  if (!url) return false;
  return PUBLIC_PAGE.test(new URL(url, "http://localhost").pathname);
}

/** Lets any site frame this answer: frame-ancestors '*' instead of 'none', and no X-Frame-Options. */
export function allowFraming(res: ServerResponse) {
  res.removeHeader("X-Frame-Options");
  const csp = res.getHeader("Content-Security-Policy");
  if (typeof csp === "string")
    res.setHeader("Content-Security-Policy", csp.replace("frame-ancestors 'none'", "frame-ancestors *"));
}
