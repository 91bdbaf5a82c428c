import fs from "node:fs";
import type http from "node:http";
import { BASEMAP_ARCHIVE_PATH, BASEMAP_STYLE_PATH, basemapStyle } from "./basemap-style.ts";

export const BASEMAP_ROUTE = "/basemap/";

type ByteRange = { start: number; end: number };

/** One byte range of a file of `size` bytes (bytes=a-b, a-, or -n), clipped to the file; null when unsatisfiable. */
export function parseByteRange(header: string, size: number): ByteRange | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const [, first = "", last = ""] = match;
  const range =
    first === ""
      ? { start: Math.max(0, size - Number(last)), end: size - 1 }
      : { start: Number(first), end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
  return range.start <= range.end && range.start < size ? range : null;
}

/**
 * The basemap from the data folder: its style, and the PMTiles archive read by byte ranges as
 * the maplibre protocol asks for them. Without an archive the style is the plain offline one.
 */
export function createBasemapRoute(archivePath: string | undefined) {
  const archiveStat = () => {
    if (!archivePath) return null;
    try {
      const stat = fs.statSync(archivePath);
      return stat.isFile() ? stat : null;
    } catch {
      return null;
    }
  };
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const stat = archiveStat();
    if (pathname === BASEMAP_STYLE_PATH) {
      const body = JSON.stringify(basemapStyle(stat !== null));
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (pathname !== BASEMAP_ARCHIVE_PATH || !stat || !archivePath) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    // A strong ETag from size and time: the protocol rereads the header when the file is replaced.
    const headers = {
      "Content-Type": "application/vnd.pmtiles",
      "Accept-Ranges": "bytes",
      "Cache-Control": "no-cache",
      ETag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`,
    };
    const rangeHeader = req.headers.range;
    const range = rangeHeader ? parseByteRange(rangeHeader, stat.size) : { start: 0, end: stat.size - 1 };
    if (!range) {
      res.writeHead(416, { ...headers, "Content-Range": `bytes */${stat.size}` }).end();
      return;
    }
    res.writeHead(rangeHeader ? 206 : 200, {
      ...headers,
      "Content-Length": String(range.end - range.start + 1),
      ...(rangeHeader ? { "Content-Range": `bytes ${range.start}-${range.end}/${stat.size}` } : {}),
    });
    if (req.method === "HEAD" || stat.size === 0) {
      res.end();
      return;
    }
    fs.createReadStream(archivePath, range)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}
