import { LRUCache } from "lru-cache";
import { toLocalDate } from "../shared/calendar.ts";
import type { Role } from "../shared/roles.ts";
import { type Db, queryPlain } from "./db/client.ts";
import type { CurrentWorkspace } from "./features/workspace/workspace.service.ts";
import type { StatisticsScope } from "./service-scope.ts";

/**
 * Answers of read procedures that change only when the workspace's data changes (docs/decisions/022).
 * The key holds the workspace's data version, read from the database on every call
 * (`workspace_data_versions`, bumped by triggers in the writing transaction), so any number of
 * server processes on one database never serve an answer older than the data they can read.
 * Concurrent identical requests share one computation; memory is bounded by an LRU by size.
 */

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
// A bound on how long an answer lives even if nothing is written (data outside the tracked tables).
const TTL_MS = 15 * 60_000;

export type AnswerCacheStats = {
  hits: number;
  misses: number;
  coalesced: number;
  entries: number;
  bytes: number;
};

/**
 * An answer, and once an HTTP request has asked for it as such, the tRPC response body that
 * carries it (server/fast-answers.ts): made once per answer, not once per request.
 */
type Entry = { value: unknown; size: number; response?: Buffer };

function createStore(maxBytes: number) {
  return new LRUCache<string, Entry>({
    maxSize: maxBytes,
    ttl: TTL_MS,
    // The answer's JSON length (a fair, cheap measure of what it holds), twice: room for its response body.
    sizeCalculation: (entry) => 2 * entry.size,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
  });
}

let store: LRUCache<string, Entry> | null = createStore(DEFAULT_MAX_BYTES);
const inFlight = new Map<string, Promise<unknown>>();
const counters = { hits: 0, misses: 0, coalesced: 0 };

/** ANSWER_CACHE_MB from the environment; 0 turns caching (not the single-flight sharing) off. */
export function configureAnswerCache(options: { maxMegabytes: number }) {
  store = options.maxMegabytes > 0 ? createStore(options.maxMegabytes * 1024 * 1024) : null;
  inFlight.clear();
}

export function answerCacheStats(): AnswerCacheStats {
  return { ...counters, entries: store?.size ?? 0, bytes: store?.calculatedSize ?? 0 };
}

export function clearAnswerCache() {
  store?.clear();
  counters.hits = counters.misses = counters.coalesced = 0;
}

// Several databases can live in one process (tests): each client gets its own key space.
const databaseIds = new WeakMap<Db, number>();
let nextDatabaseId = 1;
function databaseIdOf(db: Db) {
  let id = databaseIds.get(db);
  if (id === undefined) {
    id = nextDatabaseId++;
    databaseIds.set(db, id);
  }
  return id;
}

/** The workspace's current data version ("0" before its first tracked write). */
export async function readDataVersion(db: Db, workspaceId: string): Promise<string> {
  const sql = "SELECT version::text AS version FROM workspace_data_versions WHERE workspace_id = $1::uuid";
  const rows = await queryPlain<{ version: string }>(db, sql, [workspaceId], { name: "est_data_version" });
  return rows[0]?.version ?? "0";
}

/** JSON with object keys sorted, so equal inputs give equal keys whatever their key order. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(
      Object.entries(item as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

async function answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const cached = store?.get(key);
  if (cached) {
    counters.hits++;
    return cached.value as T;
  }
  const running = inFlight.get(key);
  if (running) {
    counters.coalesced++;
    return running as Promise<T>;
  }
  counters.misses++;
  const computing = compute().then(
    (value) => {
      store?.set(key, { value, size: Math.max(1, JSON.stringify(value)?.length ?? 1) });
      inFlight.delete(key);
      return value;
    },
    (error: unknown) => {
      inFlight.delete(key);
      throw error;
    },
  );
  inFlight.set(key, computing);
  return computing;
}

type WorkspaceCallContext = {
  db: Db;
  workspace: CurrentWorkspace;
  role: Role;
  /** Read with the caller's membership at the start of the HTTP request, when it was (trpc.ts). */
  dataVersion?: string | null;
};
type Call<TInput> = { ctx: WorkspaceCallContext; input: TInput; path: string };

function keyFor({ ctx, input, path }: Call<unknown>, version: string, visibleTo: string): string {
  // The date decides whether a period is still running; the workspace row its rhythm and zone.
  const today = toLocalDate(new Date(), ctx.workspace.timezone);
  return [
    path,
    databaseIdOf(ctx.db),
    ctx.workspace.id,
    version,
    today,
    visibleTo,
    stableKey(ctx.workspace),
    stableKey(input),
  ].join("\u0000");
}

async function keyOf(call: Call<unknown>, visibleTo: string): Promise<string> {
  const version = call.ctx.dataVersion ?? (await readDataVersion(call.ctx.db, call.ctx.workspace.id));
  return keyFor(call, version, visibleTo);
}

/**
 * What tRPC has let through to each cached resolver: the procedure's kind of answer and the roles
 * it was served to. A resolver runs only after every middleware of its procedure has passed, and a
 * cached procedure's access depends on the caller's membership and role alone (a procedure whose
 * access depends on more must not be cached here), so a later request of the same role may be
 * answered from the cache without going through tRPC (server/fast-answers.ts).
 */
const served = new Map<string, { visibility: "shared" | "by-role"; roles: Set<Role> }>();
function recordServed(path: string, visibility: "shared" | "by-role", role: Role) {
  let entry = served.get(path);
  if (!entry) {
    entry = { visibility, roles: new Set() };
    served.set(path, entry);
  }
  entry.roles.add(role);
}

/**
 * The tRPC response body (`{"result":{"data":…}}`) of a cached answer, or null when there is none
 * or tRPC has not yet served this procedure to this role. `output` is the procedure's output
 * parser, applied once when the body is first made, as tRPC applies it to every answer it sends.
 */
export function cachedResponse(
  call: Call<unknown> & { ctx: { dataVersion: string } },
  output: ((value: unknown) => unknown) | null,
): Buffer | null {
  if (!store) return null;
  const route = served.get(call.path);
  if (!route?.roles.has(call.ctx.role)) return null;
  const key = keyFor(
    call,
    call.ctx.dataVersion,
    route.visibility === "shared" ? "*" : `role:${call.ctx.role}`,
  );
  const entry = store.get(key);
  if (!entry || entry.value === undefined) return null;
  counters.hits++;
  if (!entry.response) {
    const data = output ? output(entry.value) : entry.value;
    entry.response = Buffer.from(`{"result":{"data":${JSON.stringify(data)}}}`, "utf8");
  }
  return entry.response;
}

/**
 * An answer the server computes for itself (not a procedure's), kept and coalesced under the
 * workspace's data version like the procedures' answers, so it changes with the data at once.
 */
export async function workspaceAnswer<T>(
  scope: { db: Db; workspace: CurrentWorkspace },
  name: string,
  input: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await readDataVersion(scope.db, scope.workspace.id);
  const call = { ctx: { ...scope, role: "viewer" as const }, input, path: `internal:${name}` };
  return answer(keyFor(call, version, "*"), compute);
}

/**
 * A resolver whose answer is the same for every role: the computation is not given the role, so
 * it cannot make the answer depend on it. Use only for answers computed from the workspace's
 * tracked tables (see the data-version migration) and the input.
 */
export function sharedAnswer<TInput, TOutput>(
  compute: (scope: StatisticsScope, input: TInput) => Promise<TOutput>,
) {
  return async (call: Call<TInput>): Promise<TOutput> => {
    recordServed(call.path, "shared", call.ctx.role);
    const key = await keyOf(call, "*");
    return answer(key, () => compute({ db: call.ctx.db, workspace: call.ctx.workspace }, call.input));
  };
}

/**
 * A resolver whose answer depends on what the caller's role may see: kept per role, so one role's
 * answer is never served to another. Answers that depend on the caller's organisation or person
 * do not belong in this cache.
 */
export function answerByRole<TInput, TOutput>(
  compute: (scope: { db: Db; workspace: CurrentWorkspace; role: Role; input: TInput }) => Promise<TOutput>,
) {
  return async (call: Call<TInput>): Promise<TOutput> => {
    recordServed(call.path, "by-role", call.ctx.role);
    const key = await keyOf(call, `role:${call.ctx.role}`);
    const { db, workspace, role } = call.ctx;
    return answer(key, () => compute({ db, workspace, role, input: call.input }));
  };
}
