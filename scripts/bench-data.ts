import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { addDays, daysBetween, type LocalDate } from "../shared/calendar.ts";
import { createRandom } from "../prisma/factories/random.ts";

/**
 * Bench data that looks like the real thing: police delivery rows resampled from the real
 * Dalarna deliveries in ../shared/data (their DeSO areas, crime codes, counts per row and the
 * delay between crime and registration, jointly), on new registration dates spread evenly over
 * the years asked for. The workspace gets the real 175 DeSO areas and the real code list.
 */
export const DALARNA = path.resolve(import.meta.dirname, "../../shared/data/dalarna");
export const DELIVERY_FILES = ["brott_polisen_dalarna_2022.csv", "brott_polisen_dalarna_2023.csv"];
export const DELIVERY_HEADER =
  "Kommunkod,desokod,Brottskod,Brottskod text,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil";

type Template = {
  kommunCode: string;
  kommunName: string;
  deso: string;
  code: string;
  /** The code's text, already quoted for CSV. */
  text: string;
  count: number;
  /** Days from the crime to its registration, and the crime's length in days (null: "-"). */
  lag: number | null;
  span: number | null;
};

let cached: Template[] | null = null;

/** Every row of the real deliveries, as a template for resampling. */
export function realTemplates(): Template[] {
  if (cached) return cached;
  const templates: Template[] = [];
  for (const file of DELIVERY_FILES) {
    const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(DALARNA, file), "utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    for (const row of parsed.data) {
      const registered = row.Inskrivningsdatum ?? "";
      const from = row["Brottsdatum från"] ?? "-";
      const to = row["Brottsdatum till"] ?? "-";
      const text = row["Brottskod text"] ?? "";
      templates.push({
        kommunCode: row.Kommunkod ?? "",
        kommunName: row.Kommunnamn ?? "",
        deso: row.desokod ?? "",
        code: row.Brottskod ?? "",
        text: /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text,
        count: Number(row.antal_brott),
        lag: from === "-" ? null : Math.max(0, daysBetween(from, registered)),
        span: from === "-" || to === "-" ? null : Math.max(0, daysBetween(from, to)),
      });
    }
  }
  cached = templates;
  return templates;
}

/** The bench's calendar: `years` whole years up to `end` (the last registration date). */
export function benchYears(end: LocalDate, years: number) {
  const lastYear = Number(end.slice(0, 4));
  return Array.from({ length: years }, (_, k) => lastYear - years + 1 + k);
}

/**
 * One year's police delivery rows (a file holding every kommun's delivery for that year, as the
 * real files do), `rows` of them. The current year's deliveries end with `end`'s month.
 */
export function deliveryYear(year: number, rows: number, end: LocalDate, seed: number): string[] {
  const templates = realTemplates();
  const random = createRandom(seed);
  const first = `${year}-01-01`;
  const last = year === Number(end.slice(0, 4)) ? end : `${year}-12-31`;
  const month = last.slice(5, 7);
  const days = daysBetween(first, last) + 1;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const t = templates[random.integer(templates.length)] as Template;
    const registered = addDays(first, random.integer(days));
    const from = t.lag === null ? "-" : addDays(registered, -t.lag);
    const to = from === "-" || t.span === null ? "-" : addDays(from, t.span);
    lines.push(
      `${t.kommunCode},${t.deso},${t.code},${t.text},${registered},${from},${to},${t.count},Brottsstatistik_${t.kommunName}_${year}${month}.csv`,
    );
  }
  return lines;
}

/** The five columns of the same rows that COPY loads into a bare table (the floor). */
export function bareColumns(line: string): string {
  // kommun,deso,code,"text, maybe quoted",registered,from,to,count,file → deso,code,registered,from,count
  const cells = line.split(",");
  const n = cells.length;
  const from = cells[n - 4];
  return `${cells[1]},${cells[2]},${cells[n - 5]},${from === "-" ? "" : from},${cells[n - 2]}`;
}
