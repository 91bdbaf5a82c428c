import { addDays, isLocalDate, type LocalDate } from "../../../shared/calendar.ts";
import { quoteIdentifier } from "../../db/adapter.ts";
import { type Db, rawDriverOf, type Transaction } from "../../db/client.ts";
import { scratchTableName } from "./incident-writer.ts";

/** The columns a police delivery must have (others, like regsonamn or LPO, may come too). */
export const DELIVERY_COLUMNS = [
  "Kommunkod",
  "desokod",
  "Brottskod",
  "Brottskod text",
  "Inskrivningsdatum",
  "Brottsdatum från",
  "Brottsdatum till",
  "antal_brott",
  "kallfil",
] as const;

/** A delivery covers its kommun from 1 January up to the end of the month in its file name. */
export type Delivery = { file: string; kommunCode: string; from: LocalDate; to: LocalDate };
/** A delivery of the file and when it is written: deliveries of one kommun and year go one after another. */
export type StagedDelivery = Delivery & {
  part: number;
  round: number;
  /** The crimes the delivery holds per month (YYYY-MM). */
  months: { month: string; crimes: number }[];
};

export const DELIVERY_FILE = /^Brottsstatistik_(.+)_(\d{4})(\d{2})\.csv$/;

/** The delivery a file name stands for (null: not a delivery's name, or no such month). */
export function deliveryOf(file: string, kommunCode: string): Delivery | null {
  const match = DELIVERY_FILE.exec(file);
  if (!match) return null;
  const [, , year, month] = match;
  if (Number(month) < 1 || Number(month) > 12) return null;
  const next =
    month === "12" ? `${Number(year) + 1}-01-01` : `${year}-${String(Number(month) + 1).padStart(2, "0")}-01`;
  return { file, kommunCode, from: `${year}-01-01`, to: addDays(next, -1) };
}

/** A police file's rows as text in an unlogged table, one column per file column, in file order. */
export type RawDelivery = {
  /** A FROM item with `line` and the required columns (and regsonamn) by name. */
  table: string;
  rows: number;
  drop(): Promise<void>;
};

const CHUNK = 1 << 20;

/** The text in pieces of about a megabyte that end with whole lines (COPY's input, streamed). */
function* linesInChunks(body: string) {
  for (let start = 0; start < body.length; ) {
    const cut = body.indexOf("\n", Math.min(body.length - 1, start + CHUNK));
    const end = cut < 0 ? body.length : cut + 1;
    yield body.slice(start, end);
    start = end;
  }
}

const sql = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The whole file into the database by COPY, as the database reads CSV (no parsing in
 * JavaScript): a table with the file's required columns and `line`, the row's line in the file
 * (the header is line 1). Null when the file is not plain enough for that (a quoted or incomplete
 * header, no rows, a row COPY cannot read): parsePoliceDelivery then explains or reads it.
 */
export async function copyDeliveryText(db: Db, text: string): Promise<RawDelivery | null> {
  const end = text.indexOf("\n");
  const headerLine = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? "" : text.slice(end + 1);
  if (headerLine.includes('"') || body.trim() === "") return null;
  const delimiter = [";", ",", "\t"].find((candidate) => {
    const header = headerLine.split(candidate).map((name) => name.trim());
    return DELIVERY_COLUMNS.every((column) => header.includes(column));
  });
  if (!delimiter) return null;
  const header = headerLine.split(delimiter).map((name) => name.trim());
  return copyRows(db, header, delimiter, linesInChunks(body));
}

/** Rows already read and checked (by parsePoliceDelivery), staged the same way. */
export async function copyDeliveryRows(
  db: Db,
  rows: readonly {
    kommunCode: string;
    desoCode: string;
    crimeCode: string;
    crimeText: string;
    registeredOn: string;
    occurredFrom: string | null;
    occurredTo: string | null;
    count: number;
    delivery: string;
    areaName: string | null;
  }[],
) {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const header = [...DELIVERY_COLUMNS, "regsonamn"];
  function* chunks() {
    for (let offset = 0; offset < rows.length; offset += 20_000) {
      let text = "";
      for (const row of rows.slice(offset, offset + 20_000))
        text += `${[
          row.kommunCode,
          row.desoCode,
          row.crimeCode,
          cell(row.crimeText),
          row.registeredOn,
          row.occurredFrom ?? "-",
          row.occurredTo ?? "-",
          String(row.count),
          cell(row.delivery),
          cell(row.areaName ?? ""),
        ].join(",")}\n`;
      yield text;
    }
  }
  const staged = await copyRows(db, header, ",", chunks());
  if (!staged) throw new Error("Checked delivery rows could not be staged");
  return staged;
}

/** A statement with room to sort and hash a whole file in memory (not in batches on disk). */
function withMemory<T>(db: Db, run: (tx: Transaction) => Promise<T>) {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      return run(tx);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

async function copyRows(db: Db, header: string[], delimiter: string, chunks: Iterable<string>) {
  const driver = rawDriverOf(db);
  const table = quoteIdentifier(scratchTableName("import_raw_"));
  const columns = header.map((_, index) => `c${index}`);
  // Each required column by its name; regsonamn, when there, names areas imported without one.
  const named = [...DELIVERY_COLUMNS, "regsonamn"].map((name) => {
    const index = header.indexOf(name);
    return index < 0 ? `NULL::text AS "${name}"` : `c${index} AS "${name}"`;
  });
  await driver.exec(
    `CREATE UNLOGGED TABLE ${table} (line bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 2), ${columns
      .map((column) => `${column} text`)
      .join(", ")})`,
  );
  const drop = () => driver.exec(`DROP TABLE IF EXISTS ${table}`);
  try {
    await driver.copyFrom(
      `COPY ${table} (${columns.join(", ")}) FROM STDIN (FORMAT csv, DELIMITER ${delimiter === "\t" ? "E'\\t'" : sql(delimiter)})`,
      chunks,
    );
  } catch {
    // A row the database's CSV reader refuses (a wrong number of columns, a stray quote).
    await drop();
    return null;
  }
  const [count] = await driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return { table: `(SELECT line, ${named.join(", ")} FROM ${table}) f`, rows: count?.n ?? 0, drop };
}

/** A staged row's values by role: "" for an empty cell, "-" for a crime date not known. */
const VALUES = `SELECT line,
    COALESCE("Kommunkod", '') AS kommun, COALESCE("desokod", '') AS deso, COALESCE("Brottskod", '') AS code,
    COALESCE("Brottskod text", '') AS code_text, COALESCE("Inskrivningsdatum", '') AS registered,
    COALESCE(NULLIF("Brottsdatum från", ''), '-') AS occurred_from, COALESCE(NULLIF("Brottsdatum till", ''), '-') AS occurred_to,
    COALESCE("antal_brott", '') AS count, COALESCE("kallfil", '') AS file, COALESCE("regsonamn", '') AS area_name`;

const plain = (value: string) => value === value.trim();
const isCrimeDate = (value: string) => value === "-" || isLocalDate(value);
/** The parser's checks, on values as they stand (a value with spaces around goes to the parser). */
const CHECKS = {
  kommunDeso: (kommun: string, deso: string) =>
    /^\d{4}$/.test(kommun) && /^\d{4}[A-C]\d{4}$/.test(deso) && deso.startsWith(kommun),
  code: (code: string) => /^\d{1,5}$/.test(code),
  registered: (value: string) => isLocalDate(value),
  count: (value: string) => /^[1-9]\d{0,8}$/.test(value),
};

type Group = {
  set: number;
  kommun: string | null;
  deso: string | null;
  code: string | null;
  code_text: string | null;
  value: string | null;
  file: string | null;
  month: string | null;
  area_name: string | null;
  rows: number;
  first_line: number;
  last_line: number;
  first: string | null;
  last: string | null;
};

export type CheckedDelivery = {
  deliveries: StagedDelivery[];
  /** Codes the file uses, each with the text of its last row. */
  codes: Map<string, string>;
  /** Each DeSO's name from the first row naming it. */
  areaNames: Map<string, string>;
};

/**
 * Whether every staged row is one parsePoliceDelivery accepts, with the DeSO areas the workspace
 * has. One pass gathers each column's distinct values (and, per delivery and month, the rows per
 * count), and the parser's own checks run on those in JavaScript: a few thousand values, not a
 * million rows. Anything refused (or merely unusual, like a value with spaces around it) returns
 * null, and the parser explains or reads the file. Then the file's deliveries in order of
 * appearance, each holding one kommun and only its own months, with the crimes per month.
 */
export async function checkRawDelivery(
  db: Db,
  raw: RawDelivery,
  desoCodes: ReadonlySet<string>,
): Promise<CheckedDelivery | null> {
  const groups = await withMemory(db, (tx) =>
    tx.$queryRawUnsafe<Group[]>(
      `WITH r AS (${VALUES} FROM ${raw.table})
     SELECT GROUPING(kommun, deso, code, code_text, registered, occurred_from, occurred_to, count, file, area_name)::int AS set,
       kommun, deso, code, code_text, COALESCE(registered, occurred_from, occurred_to, count) AS value, file,
       left(min(registered), 7) AS month, area_name, count(*)::int AS rows,
       min(line)::int AS first_line, max(line)::int AS last_line, min(registered) AS first, max(registered) AS last
     FROM r
     GROUP BY GROUPING SETS ((kommun, deso), (code, code_text), (registered), (occurred_from), (occurred_to),
       (file, kommun, left(registered, 7), count), (deso, area_name))`,
    ),
  );
  if (raw.rows === 0) return null;
  // GROUPING's bits, highest first: kommun, deso, code, code_text, registered, from, to, count, file, area_name.
  const grouped = (group: Group, ...columns: number[]) =>
    columns.reduce((mask, column) => mask & ~(1 << (9 - column)), 0b1111111111) === group.set;
  const codes = new Map<string, { text: string; line: number }>();
  const areaNames = new Map<string, { name: string; line: number }>();
  const months = new Map<string, Map<string, number>>();
  const files = new Map<string, { kommun: Set<string>; first: string; last: string; line: number }>();
  for (const group of groups) {
    const value = group.value ?? "";
    if (grouped(group, 0, 1)) {
      const kommun = group.kommun ?? "";
      const deso = group.deso ?? "";
      if (!plain(kommun) || !plain(deso) || !CHECKS.kommunDeso(kommun, deso) || !desoCodes.has(deso))
        return null;
    } else if (grouped(group, 2, 3)) {
      const code = group.code ?? "";
      if (!CHECKS.code(code)) return null;
      const key = String(Number(code));
      const known = codes.get(key);
      if (!known || group.last_line > known.line)
        codes.set(key, { text: (group.code_text ?? "").trim() || key, line: group.last_line });
    } else if (grouped(group, 4)) {
      if (!CHECKS.registered(value)) return null;
    } else if (grouped(group, 5) || grouped(group, 6)) {
      if (!isCrimeDate(value)) return null;
    } else if (grouped(group, 8, 0, 7)) {
      // Rows of one delivery, month and count.
      const file = group.file ?? "";
      if (!plain(file) || !CHECKS.count(value) || !group.month || !group.first || !group.last) return null;
      const seen = files.get(file) ?? {
        kommun: new Set(),
        first: group.first,
        last: group.last,
        line: group.first_line,
      };
      seen.kommun.add(group.kommun ?? "");
      if (group.first < seen.first) seen.first = group.first;
      if (group.last > seen.last) seen.last = group.last;
      seen.line = Math.min(seen.line, group.first_line);
      files.set(file, seen);
      const perMonth = months.get(file) ?? new Map<string, number>();
      perMonth.set(group.month, (perMonth.get(group.month) ?? 0) + group.rows * Number(value));
      months.set(file, perMonth);
    } else if (grouped(group, 1, 9)) {
      const name = (group.area_name ?? "").trim();
      const deso = group.deso ?? "";
      const known = areaNames.get(deso);
      if (name && (!known || group.first_line < known.line))
        areaNames.set(deso, { name, line: group.first_line });
    }
  }
  const deliveries: StagedDelivery[] = [];
  for (const [file, seen] of [...files].sort((a, b) => a[1].line - b[1].line)) {
    const [kommun = "", ...others] = seen.kommun;
    const found = deliveryOf(file, kommun);
    if (!found || others.length > 0 || seen.first < found.from || seen.last > found.to) return null;
    const perMonth = [...(months.get(file) ?? new Map<string, number>())].sort();
    deliveries.push({
      ...found,
      part: deliveries.length,
      round: roundOf(deliveries, found),
      months: perMonth.map(([month, crimes]) => ({ month, crimes })),
    });
  }
  return {
    deliveries,
    codes: new Map([...codes].map(([code, { text }]) => [code, text])),
    areaNames: new Map([...areaNames].map(([deso, { name }]) => [deso, name])),
  };
}

/** Deliveries of the same kommun and year replace one another: the later goes after the earlier. */
export function roundOf(earlier: readonly StagedDelivery[], delivery: Delivery) {
  let round = 0;
  for (const other of earlier)
    if (other.kommunCode === delivery.kommunCode && other.from <= delivery.to && delivery.from <= other.to)
      round = Math.max(round, other.round + 1);
  return round;
}

/**
 * The staged rows as incident records (the columns publish reads, plus `round`), in a second
 * unlogged table: area and category resolved by code, local days turned into instants of the
 * workspace's time zone, and each row's external id (DeSO, code, dates and its occurrence among
 * identical rows of its delivery, in file order, so ids stay stable across imports).
 */
export async function deriveIncidents(
  db: Db,
  raw: RawDelivery,
  options: { workspaceId: string; dataSourceId: string; timeZone: string; deliveries: StagedDelivery[] },
) {
  const driver = rawDriverOf(db);
  const table = quoteIdentifier(scratchTableName("import_stage_"));
  const windows = quoteIdentifier(scratchTableName("import_windows_"));
  const day = (value: string) => `NULLIF(${value}, '-')::date`;
  const instant = (value: string) => `${day(value)}::timestamp AT TIME ZONE $3`;
  await withMemory(db, (tx) =>
    tx.$executeRawUnsafe(
      `CREATE UNLOGGED TABLE ${table} AS
     WITH r AS (${VALUES} FROM ${raw.table}),
     keyed AS (
       SELECT r.*, d.part, d.round, (r.code::int)::text AS crime,
         r.deso || ':' || (r.code::int)::text || ':' || r.registered || ':' || r.occurred_from || ':' || r.occurred_to AS key
       FROM r JOIN json_to_recordset($4::json) AS d(file text, part int, round int) ON d.file = r.file)
     SELECT k.part, k.round, $2::uuid AS data_source_id,
       k.key || ':' || row_number() OVER (PARTITION BY k.part, k.key ORDER BY k.line) AS external_id,
       c.id AS category_id, a.id AS area_id,
       ${instant("k.occurred_from")} AS occurred_from, ${instant("k.occurred_to")} AS occurred_to,
       false AS time_known, ${instant("k.registered")} AS registered_at,
       k.registered::date AS registered_on, ${day("k.occurred_from")} AS occurred_on, k.count::int AS count,
       a.centroid_lon AS lon, a.centroid_lat AS lat, 'area_centroid'::text AS point_precision, NULL::text AS description
     FROM keyed k
       LEFT JOIN areas a ON a.workspace_id = $1::uuid AND a.kind = 'deso' AND a.code = k.deso
       LEFT JOIN categories c ON c.workspace_id = $1::uuid AND c.code = k.crime`,
      options.workspaceId,
      options.dataSourceId,
      options.timeZone,
      JSON.stringify(options.deliveries.map(({ file, part, round }) => ({ file, part, round }))),
    ),
  );
  // Each delivery's window (its kommun's areas, its months): a table too, so the planner knows its size.
  await driver.query(
    `CREATE UNLOGGED TABLE ${windows} AS
     SELECT d.part, d.round, d."from", d."to", a.id AS area_id
     FROM json_to_recordset($2::json) AS d(part int, round int, kommun text, "from" date, "to" date)
       JOIN areas a ON a.workspace_id = $1::uuid AND a.code LIKE d.kommun || '%'`,
    [
      options.workspaceId,
      JSON.stringify(
        options.deliveries.map((d) => ({
          part: d.part,
          round: d.round,
          kommun: d.kommunCode,
          from: d.from,
          to: d.to,
        })),
      ),
    ],
  );
  // Statistics for the planner: without them it may loop over the staged rows once per row.
  await driver.exec(`ANALYZE ${table}`);
  await driver.exec(`ANALYZE ${windows}`);
  return {
    table,
    windows,
    drop: async () => {
      await driver.exec(`DROP TABLE IF EXISTS ${table}`);
      await driver.exec(`DROP TABLE IF EXISTS ${windows}`);
    },
  };
}
