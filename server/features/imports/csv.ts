import Papa from "papaparse";

export type CsvTable = {
  header: string[];
  rows: string[][];
  delimiter: string;
  encoding: "utf-8" | "windows-1252";
};

/** A file's text: UTF-8 (BOM dropped) or, failing that, Windows-1252; line endings made "\n". */
export function decodeCsv(content: Buffer | string): { text: string; encoding: CsvTable["encoding"] } {
  let text: string;
  let encoding: CsvTable["encoding"] = "utf-8";
  if (typeof content === "string") text = content;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch {
      text = new TextDecoder("windows-1252").decode(content);
      encoding = "windows-1252";
    }
  }
  text = text.replace(/^\uFEFF/, "");
  // Mixed line endings (a CRLF header over LF rows) would otherwise glue rows together.
  return { text: text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text, encoding };
}

/**
 * Reads the CSV files Swedish organisations actually send: UTF-8 with or without BOM or
 * Windows-1252 (Excel's default), separated by semicolon, comma or tab.
 */
export function parseCsv(content: Buffer | string): CsvTable {
  const { text, encoding } = decodeCsv(content);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [";", ",", "\t"],
    skipEmptyLines: "greedy",
  });
  const [header = [], ...rows] = parsed.data;
  return { header: header.map((name) => name.trim()), rows, delimiter: parsed.meta.delimiter, encoding };
}

/** The index of each required column, or the names that are missing. */
export function locateColumns<const T extends readonly string[]>(header: string[], required: T) {
  const index = {} as Record<T[number], number>;
  const missing: string[] = [];
  for (const name of required) {
    const position = header.indexOf(name);
    if (position < 0) missing.push(name);
    index[name as T[number]] = position;
  }
  return { index, missing };
}

/**
 * Finds each known column by any of its accepted names (case-insensitive), first match winning:
 * the column's position and its name as the file spells it, for error messages.
 */
export function locateAliasedColumns<Column extends string>(
  header: string[],
  aliases: Record<Column, readonly string[]>,
) {
  const found = new Map<Column, { index: number; name: string }>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    for (const [column, names] of Object.entries(aliases) as [Column, readonly string[]][])
      if (!found.has(column) && names.includes(key)) found.set(column, { index, name });
  });
  return found;
}
