// What a browser downloads before a page can show: the entry chunk with its static imports (every
// first route: the login, a citizen's form) and, for the overview, the overview page's chunk and
// its static imports on top. The map and the charts load after the page shows and are not counted.
// `npm run size` prints them after `npm run build`; the browser suite checks them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

export const FIRST_ROUTE_LIMIT_BYTES = 250 * 1024;

export function routeSizes(distDir = path.resolve(import.meta.dirname, "../dist/client")) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const gzipped = (key: string) =>
    gzipSync(readFileSync(path.join(distDir, manifest[key]?.file ?? ""))).length;
  const closure = (key: string, seen = new Set<string>()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const overviewKey = Object.keys(manifest).find((key) => key.endsWith("overview/overview-page.tsx"));
  if (!entryKey || !overviewKey) throw new Error("The build's manifest has no entry or no overview page");
  const entry = closure(entryKey);
  const overview = closure(overviewKey, new Set(entry));
  const sum = (keys: Set<string>) => [...keys].reduce((total, key) => total + gzipped(key), 0);
  return { entryBytes: sum(entry), overviewBytes: sum(overview) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { entryBytes, overviewBytes } = routeSizes();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(`First route (entry and its imports), gzip: ${kb(entryBytes)}`);
  console.log(
    `Overview (entry, page and their imports; map and charts load later), gzip: ${kb(overviewBytes)}`,
  );
  console.log(`Limit: ${kb(FIRST_ROUTE_LIMIT_BYTES)}`);
  if (overviewBytes > FIRST_ROUTE_LIMIT_BYTES) process.exitCode = 1;
}
