import ExcelJS from "exceljs";

export type Cell = string | number | null;
export type TableFile = { fileName: string; mimeType: string; base64: string };

/**
 * Text that a spreadsheet could read as a formula gets a leading apostrophe, so an exported name
 * can never run as code in Excel: a formula sign (=, +, -, @ or their full-width forms such as ＝),
 * also behind leading spaces, tabs or line breaks, and any text starting with a tab or line break.
 * Numbers stay numbers: they cannot carry a formula.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function neutralizeCell(value: Cell): Cell {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Semicolon-separated UTF-8 with BOM and decimal commas: what Swedish Excel opens correctly. */
export function toCsv(rows: readonly Cell[][]): string {
  const format = (value: Cell) => {
    const safe = neutralizeCell(value);
    if (safe === null) return "";
    const text = typeof safe === "number" ? String(safe).replace(".", ",") : safe;
    return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(format).join(";")).join("\r\n")}\r\n`;
}

export async function toXlsx(sheets: { name: string; rows: readonly Cell[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "EST Lägesbild";
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const row of sheet.rows) worksheet.addRow(row.map(neutralizeCell));
    worksheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function tableFile(options: {
  baseName: string;
  format: "csv" | "xlsx";
  rows: Cell[][];
  selection: Cell[][];
  /** The two sheets' names in the user's language. */
  sheetNames?: { table: string; selection: string };
}): Promise<TableFile> {
  if (options.format === "csv") {
    return {
      fileName: `${options.baseName}.csv`,
      mimeType: "text/csv;charset=utf-8",
      base64: Buffer.from(toCsv(options.rows), "utf8").toString("base64"),
    };
  }
  const buffer = await toXlsx([
    { name: options.sheetNames?.table ?? "Tabell", rows: options.rows },
    { name: options.sheetNames?.selection ?? "Urval", rows: options.selection },
  ]);
  return {
    fileName: `${options.baseName}.xlsx`,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: buffer.toString("base64"),
  };
}
