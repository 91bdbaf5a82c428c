import { LIMITS } from "../shared/field.ts";

const MB = 1024 * 1024;
/** Every procedure without an entry below: filters, forms and texts fit many times over. */
export const DEFAULT_BODY_LIMIT = MB;
/** A report with one photo (5 MB, a third more as base64) and its text: the most anyone signed out may send. */
export const PUBLIC_BODY_LIMIT = 8 * MB;
/** A file import as base64 (FileInputSchema allows 40 million characters). */
const FILE_BODY_LIMIT = 45 * MB;

// By procedure path; a key ending in "." covers a whole router.
const PROCEDURE_LIMITS: Record<string, number> = {
  "imports.": FILE_BODY_LIMIT,
  "places.import": FILE_BODY_LIMIT,
  "walks.addFinding": LIMITS.photosPerFinding * PUBLIC_BODY_LIMIT,
  "reports.citizen": PUBLIC_BODY_LIMIT,
  "reports.createPartner": PUBLIC_BODY_LIMIT,
};

function limitOf(path: string) {
  const key = Object.keys(PROCEDURE_LIMITS).find((name) =>
    name.endsWith(".") ? path.startsWith(name) : path === name,
  );
  return key ? (PROCEDURE_LIMITS[key] ?? DEFAULT_BODY_LIMIT) : DEFAULT_BODY_LIMIT;
}

/** The largest body a request for these procedures (one, or a batch) may carry. */
export function bodyLimitFor(paths: readonly string[]) {
  const sum = paths.reduce((total, path) => total + limitOf(path), 0);
  return Math.min(Math.max(sum, DEFAULT_BODY_LIMIT), FILE_BODY_LIMIT);
}

/** The procedure paths a tRPC URL names (`/trpc/a.b,c.d?batch=1`). */
export function procedurePathsOf(url: string, basePath: string) {
  const names = new URL(url, "http://localhost").pathname.slice(basePath.length);
  // A malformed escape is left as it is: tRPC answers the unknown procedure itself.
  const decoded = (() => {
    try {
      return decodeURIComponent(names);
    } catch {
      return names;
    }
  })();
  return decoded.split(",");
}
