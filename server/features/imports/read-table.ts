import ExcelJS from "exceljs";
import { parseCsv } from "./csv.ts";
import { ImportRejectedError } from "./import-errors.ts";
import { checkUnzippedSize } from "./xlsx-size.ts";

export type Table = { header: string[]; rows: (string | null)[][]; format: string };

/** An uploaded file as a table: CSV in any of the usual encodings and delimiters, or XLSX (first sheet). */
export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  if (/\.xlsx$/i.test(fileName)) {
    await checkUnzippedSize(content);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as never);
    } catch (error) {
      throw new ImportRejectedError(
        [{ row: 1, column: "-", reason: `inte en läsbar XLSX-fil: ${(error as Error).message}` }],
        1,
      );
    }
    const sheet = workbook.worksheets[0];
    const rows: (string | null)[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        values.map((value) =>
          value instanceof Date
            ? value.toISOString().slice(0, 10)
            : value === null || value === undefined
              ? null
              : typeof value === "object" && "text" in (value as object)
                ? String((value as { text: unknown }).text)
                : String(value),
        ),
      );
    });
    const [header = [], ...data] = rows;
    return { header: header.map((cell) => (cell ?? "").trim()), rows: data, format: "xlsx" };
  }
  const csv = parseCsv(content);
  const delimiter = csv.delimiter === "\t" ? "tab" : csv.delimiter;
  return { header: csv.header, rows: csv.rows, format: `csv (${csv.encoding}, ${delimiter})` };
}
