// Area-level survey results: the police's trygghetsmätning (an index 0–6), NTU (shares with a
// confidence interval) and a kommun's own enkät. Both the importer and the charts use this.

export const SURVEY_KINDS = ["trygghetsmatning", "ntu", "enkat"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_UNITS = ["index", "percent"] as const;
export type SurveyUnit = (typeof SURVEY_UNITS)[number];

/** The scale a unit is read on; an enkät's own index has no fixed scale. */
export function unitRange(kind: SurveyKind, unit: SurveyUnit): [number, number] | null {
  if (unit === "percent") return [0, 100];
  return kind === "trygghetsmatning" ? [0, 6] : null;
}

/** The unit a kind's results are in unless the file says otherwise. */
export const DEFAULT_UNIT: Record<SurveyKind, SurveyUnit> = {
  trygghetsmatning: "index",
  ntu: "percent",
  enkat: "percent",
};

/** Column names accepted in a survey file (Swedish first, English second), lower-cased. */
export const SURVEY_COLUMNS = {
  indicator: ["indikator", "indicator", "fråga"],
  area: ["område", "omrade", "area", "områdeskod"],
  year: ["år", "ar", "year"],
  value: ["värde", "varde", "value", "andel", "index"],
  lower: ["nedre", "lower", "ki nedre", "nedre gräns"],
  upper: ["övre", "ovre", "upper", "ki övre", "övre gräns"],
  interval: ["intervall", "interval", "konfidensintervall", "felmarginal", "margin"],
  respondents: ["svarande", "respondents", "antal svar", "antal svarande", "n"],
  unit: ["enhet", "unit"],
} as const;

/** A Swedish or English decimal: "3,4", "3.4", "−1,2" (a Unicode minus), "12 %". */
export function parseDecimal(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, "-")
    .replace(/%$/, "")
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * An interval as surveys print it: "12,1–15,3", "12.1-15.3", "[12,1; 15,3]" or a margin "±2,3"
 * (around the value). Null when the text is none of these.
 */
export function parseInterval(text: string, value: number): { lower: number; upper: number } | null {
  const trimmed = text.trim().replace(/^[[(]\s*|\s*[\])]$/g, "");
  const margin = /^(?:±|\+\/-|\+-)\s*(.+)$/.exec(trimmed)?.[1] ?? trimmed;
  const parts = margin === trimmed ? trimmed.split(/\s*(?:–|—|;|(?<=\d)\s*-\s*(?=\d))\s*/) : [margin];
  if (parts.length === 1) {
    const half = parseDecimal(parts[0] ?? "");
    return half === null || half < 0 ? null : { lower: round(value - half), upper: round(value + half) };
  }
  if (parts.length !== 2) return null;
  const lower = parseDecimal(parts[0] ?? "");
  const upper = parseDecimal(parts[1] ?? "");
  return lower === null || upper === null ? null : { lower, upper };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A result is too uncertain to read when fewer than the workspace's minimum answered. */
export function isTooFewRespondents(respondents: number | null, minimum: number): boolean {
  return respondents !== null && respondents < minimum;
}
