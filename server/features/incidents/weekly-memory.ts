import { LRUCache } from "lru-cache";
import { daysBetween, type LocalDate } from "../../../shared/calendar.ts";
import { readDataVersion } from "../../answer-cache.ts";
import { type Db, queryPlain } from "../../db/client.ts";

/**
 * A workspace's weekly rollup held in this process's memory, as columns (week, source, the two
 * counts per key), so the statistics' whole weeks are added up here instead of read again for every
 * question (decisions/027). It is keyed by the workspace's data version, which the same
 * transaction that changes incidents bumps (decisions/022): a question reads the version first and
 * loads the rollup afresh when it has moved, so an answer is never older than the version read
 * for it. Two processes each keep their own. At most MAX_TABLES rollups are kept (least recently
 * used go first); a national installation's 290 kommuner hold about 1–3 MB each.
 */
export type WeeklyTableName = "weekly_category_counts" | "weekly_area_counts";

type Column = {
  /** Days from the table's origin to each row's Monday, ascending. */
  week: Int32Array;
  source: Uint16Array;
  registered: Int32Array;
  occurred: Int32Array;
};

export type WeeklyTable = {
  version: string;
  origin: LocalDate;
  sources: string[];
  keys: Map<string, Column>;
};

const MAX_TABLES = 64;
const tables = new LRUCache<string, WeeklyTable>({ max: MAX_TABLES });
const loading = new Map<string, Promise<WeeklyTable>>();

async function load(
  db: Db,
  workspaceId: string,
  table: WeeklyTableName,
  version: string,
): Promise<WeeklyTable> {
  const key = table === "weekly_category_counts" ? "category_id" : "area_id";
  const rows = await queryPlain<{ k: string; s: string; w: number; r: number; o: number }>(
    db,
    `SELECT ${key}::text AS k, data_source_id::text AS s, (week - DATE '2000-01-03')::int AS w,
            registered AS r, occurred AS o
     FROM ${table} WHERE workspace_id = $1::uuid AND (registered <> 0 OR occurred <> 0)
     ORDER BY 1, 3`,
    [workspaceId],
    { name: `est_weekly_load_${table}` },
  );
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.k, (counts.get(row.k) ?? 0) + 1);
  const keys = new Map<string, Column>();
  const filled = new Map<string, number>();
  for (const row of rows) {
    let column = keys.get(row.k);
    if (!column) {
      const n = counts.get(row.k) ?? 0;
      column = {
        week: new Int32Array(n),
        source: new Uint16Array(n),
        registered: new Int32Array(n),
        occurred: new Int32Array(n),
      };
      keys.set(row.k, column);
    }
    let source = sourceIndex.get(row.s);
    if (source === undefined) {
      source = sources.length;
      sources.push(row.s);
      sourceIndex.set(row.s, source);
    }
    const at = filled.get(row.k) ?? 0;
    column.week[at] = row.w;
    column.source[at] = source;
    column.registered[at] = row.r;
    column.occurred[at] = row.o;
    filled.set(row.k, at + 1);
  }
  return { version, origin: "2000-01-03", sources, keys };
}

/** The rollup as of the workspace's current data version, loaded once per version. */
export async function weeklyTable(db: Db, workspaceId: string, table: WeeklyTableName): Promise<WeeklyTable> {
  const version = await readDataVersion(db, workspaceId);
  const id = `${workspaceId}:${table}`;
  const held = tables.get(id);
  if (held && held.version === version) return held;
  const pending = loading.get(`${id}:${version}`);
  if (pending) return pending;
  const promise = load(db, workspaceId, table, version)
    .then((loaded) => {
      const current = tables.get(id);
      // A slower load of an older version never replaces a newer one.
      if (!current || BigInt(current.version) <= BigInt(loaded.version)) tables.set(id, loaded);
      return loaded;
    })
    .finally(() => loading.delete(`${id}:${version}`));
  loading.set(`${id}:${version}`, promise);
  return promise;
}

/**
 * Per key of the table (filtered to `keyIds` and `sourceIds` when given), the sums over each
 * range's whole weeks: `weeksOfRange[r]` lists range r's Mondays.
 */
export function sumWeeks(
  table: WeeklyTable,
  options: {
    weeksOfRange: readonly (readonly LocalDate[])[];
    basis: "registered" | "occurred";
    keyIds: readonly string[] | null;
    sourceIds: readonly string[];
    /** Sums every key into one ("") instead of one per key. */
    total: boolean;
  },
): Map<string, Float64Array> {
  const ranges = options.weeksOfRange.length;
  // Which ranges each requested week belongs to, by the week's offset.
  const rangesOfWeek = new Map<number, number[]>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  options.weeksOfRange.forEach((weeks, r) => {
    for (const week of weeks) {
      const offset = daysBetween(table.origin, week);
      first = Math.min(first, offset);
      last = Math.max(last, offset);
      const list = rangesOfWeek.get(offset);
      if (list) list.push(r);
      else rangesOfWeek.set(offset, [r]);
    }
  });
  const result = new Map<string, Float64Array>();
  if (rangesOfWeek.size === 0) return result;
  const wanted = options.sourceIds.length > 0 ? new Set(options.sourceIds) : null;
  const sourceWanted = table.sources.map((source) => !wanted || wanted.has(source));
  const keyIds = options.keyIds ?? [...table.keys.keys()];
  for (const keyId of keyIds) {
    const column = table.keys.get(keyId);
    if (!column) continue;
    const values = options.basis === "occurred" ? column.occurred : column.registered;
    // The first row at or after the first requested week (rows are in week order).
    let low = 0;
    let high = column.week.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((column.week[middle] as number) < first) low = middle + 1;
      else high = middle;
    }
    let sums: Float64Array | undefined;
    for (let i = low; i < column.week.length; i++) {
      const week = column.week[i] as number;
      if (week > last) break;
      const value = values[i] as number;
      if (value === 0 || !sourceWanted[column.source[i] as number]) continue;
      const inRanges = rangesOfWeek.get(week);
      if (!inRanges) continue;
      const name = options.total ? "" : keyId;
      sums ??= result.get(name);
      if (!sums) {
        sums = new Float64Array(ranges);
        result.set(name, sums);
      }
      for (const r of inRanges) sums[r] = (sums[r] as number) + value;
    }
  }
  return result;
}

/** Forgets every rollup held (tests that rewrite the database under a running process). */
export function forgetWeeklyTables() {
  tables.clear();
}
