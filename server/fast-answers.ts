import type http from "node:http";
import type { AnyRouter } from "@trpc/server";
import { MAX_BATCH_SIZE } from "../shared/api-limits.ts";
import { cachedResponse } from "./answer-cache.ts";
import type { Db } from "./db/client.ts";
import type { RequestCaller } from "./request-caller.ts";

/**
 * Cached dashboard answers straight from the cache, in front of tRPC (docs/decisions/022).
 *
 * A GET of cached queries (one, or a batch) whose answers are all in the cache is answered here
 * with the response bodies the cache keeps, byte for byte what tRPC would send: no middleware
 * chain, no output validation, no JSON.stringify per request. Everything that decides whether the
 * caller may have the answer still runs on every request:
 * - the caller is read afresh (session, membership, data version: the one query of
 *   server/request-caller.ts), so an ended session or a deactivated membership is refused at once;
 * - each input passes the procedure's own input parser, and the answer's key is made from the
 *   parsed input as the cache makes it;
 * - an answer is given only to a role tRPC itself has already served that procedure to
 *   (answer-cache.ts records it after every middleware has passed).
 * Anything else (no session or membership, a renewed session's cookie, an unknown or uncached
 * procedure, a bad input, a miss, a streaming client) goes to tRPC, which gives the answer or the
 * error as always.
 */

type Parser = { safeParse(value: unknown): { success: boolean; data?: unknown } };
type OutputParser = { parse(value: unknown): unknown };
type Procedure = { input: Parser; output: ((value: unknown) => unknown) | null };

const TRPC_BASE = "/trpc/";

function isParser(value: unknown): value is Parser {
  return typeof (value as Parser | undefined)?.safeParse === "function";
}

/** The router's queries with one input parser the fast path can apply as tRPC does. */
function fastProcedures(router: AnyRouter): Map<string, Procedure> {
  const procedures = new Map<string, Procedure>();
  for (const [path, procedure] of Object.entries(router._def.procedures as Record<string, unknown>)) {
    const def = (procedure as { _def: { type: string; inputs: unknown[]; output?: unknown } })._def;
    const [input] = def.inputs;
    if (def.type !== "query" || def.inputs.length !== 1 || !isParser(input)) continue;
    const output = def.output as OutputParser | undefined;
    if (output !== undefined && typeof output.parse !== "function") continue;
    procedures.set(path, { input, output: output ? (value) => output.parse(value) : null });
  }
  return procedures;
}

/** The calls a tRPC GET asks for, as tRPC reads them, or null when this path should not try. */
function callsOf(url: string): { paths: string[]; inputs: unknown[]; isBatch: boolean } | null {
  const query = url.indexOf("?");
  const pathname = query < 0 ? url : url.slice(0, query);
  const params = new URLSearchParams(query < 0 ? "" : url.slice(query + 1));
  let paths: string[];
  try {
    paths = decodeURIComponent(pathname.slice(TRPC_BASE.length)).split(",");
  } catch {
    return null;
  }
  const isBatch = params.get("batch") === "1";
  if (!isBatch && paths.length !== 1) return null;
  if (paths.length > MAX_BATCH_SIZE) return null;
  const raw = params.get("input");
  let input: unknown;
  try {
    input = raw === null ? undefined : JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isBatch) return { paths, inputs: [input], isBatch };
  if (input === undefined || input === null || typeof input !== "object") return null;
  const byIndex = input as Record<string, unknown>;
  return { paths, inputs: paths.map((_, i) => byIndex[String(i)]), isBatch };
}

/**
 * A public procedure's answer as its own cache holds it (an object kept until it changes), or null
 * when answering needs work, a limit or an error: then tRPC answers.
 */
export type PublicAnswerSource = (input: unknown) => object | null;

function send(res: http.ServerResponse, body: Buffer) {
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": body.length,
    Vary: "trpc-accept, accept",
  });
  res.end(body);
}

const responseOf = (data: unknown) => Buffer.from(`{"result":{"data":${JSON.stringify(data)}}}`, "utf8");

export function createFastAnswers(options: {
  db: Db;
  router: AnyRouter;
  callerOf: (req: http.IncomingMessage) => Promise<RequestCaller>;
  /** Public procedures answered from their own cache (one call, not in a batch): no session is involved. */
  publicAnswers?: Record<string, PublicAnswerSource>;
}) {
  const procedures = fastProcedures(options.router);
  const publicAnswers = new Map(Object.entries(options.publicAnswers ?? {}));
  // Each kept public answer's response body, made once (through the output parser) and dropped with it.
  const publicBodies = new WeakMap<object, Buffer>();
  const publicAnswer = (path: string, input: unknown): Buffer | null => {
    const source = publicAnswers.get(path);
    const procedure = procedures.get(path);
    if (!source || !procedure) return null;
    const parsed = procedure.input.safeParse(input);
    if (!parsed.success) return null;
    const answer = source(parsed.data);
    if (!answer) return null;
    let body = publicBodies.get(answer);
    if (!body) {
      body = responseOf(procedure.output ? procedure.output(answer) : answer);
      publicBodies.set(answer, body);
    }
    return body;
  };
  /** True when the request was answered here; false sends it on to tRPC. */
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || !req.url) return false;
    // A streaming client (httpBatchStreamLink) gets tRPC's own format.
    if (req.headers["trpc-accept"] || req.headers.accept?.includes("application/jsonl")) return false;
    const calls = callsOf(req.url);
    if (!calls) return false;
    const [onlyPath] = calls.paths;
    if (!calls.isBatch && onlyPath !== undefined && publicAnswers.has(onlyPath)) {
      const body = publicAnswer(onlyPath, calls.inputs[0]);
      if (!body) return false;
      send(res, body);
      return true;
    }
    if (calls.paths.some((path) => !procedures.has(path))) return false;
    const caller = await options.callerOf(req);
    if (!caller?.membership || caller.dataVersion === null || caller.session.renewedUntil) return false;
    const ctx = {
      db: options.db,
      workspace: caller.membership.workspace,
      role: caller.membership.role,
      dataVersion: caller.dataVersion,
    };
    const bodies: Buffer[] = [];
    for (const [index, path] of calls.paths.entries()) {
      const procedure = procedures.get(path);
      if (!procedure) return false;
      const parsed = procedure.input.safeParse(calls.inputs[index]);
      if (!parsed.success) return false;
      const body = cachedResponse({ ctx, input: parsed.data, path }, procedure.output);
      if (!body) return false;
      bodies.push(body);
    }
    const body = calls.isBatch
      ? Buffer.concat([
          Buffer.from("["),
          ...bodies.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from(","), part])),
          Buffer.from("]"),
        ])
      : (bodies[0] as Buffer);
    send(res, body);
    return true;
  };
}
