import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe } from "vitest";

/** ../shared/data beside the checkout: real public data, read in place and never copied. */
export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../shared/data");
const hasSharedData = fs.existsSync(SHARED_DATA);

if (!hasSharedData && process.env.CI) {
  throw new Error(`The real-data suite needs ${SHARED_DATA}; CI always has it, so its absence is a failure.`);
}

/** describe() for real-data tests: runs when the folder is there, fails in CI when it is not. */
export const describeRealData = hasSharedData ? describe : describe.skip;

export function readCsv<Row>(relative: string): Row[] {
  const text = fs.readFileSync(path.join(SHARED_DATA, relative), "utf8");
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new Error(`${relative}: ${parsed.errors[0]?.message} (row ${parsed.errors[0]?.row})`);
  return parsed.data;
}
