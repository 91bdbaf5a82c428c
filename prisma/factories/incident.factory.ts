import type { DemoCategory } from "../demo/categories.ts";
import type { Db } from "../../server/db/client.ts";
import { type IncidentRow, insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { addDays, daysBetween, type LocalDate } from "../../shared/calendar.ts";
import { createRandom } from "./random.ts";

export type SyntheticArea = {
  id: string;
  code: string | null;
  centroidLon: number | null;
  centroidLat: number | null;
  population: number;
};
export type SyntheticCategory = Pick<
  DemoCategory,
  "code" | "perYear" | "nightShare" | "summer" | "weekend" | "urban"
> & { id: string };

export type SyntheticOptions = {
  seed: number;
  start: LocalDate;
  end: LocalDate;
  dataSourceId: string;
  areas: SyntheticArea[];
  categories: SyntheticCategory[];
  /**
   * Codes that rise over the last `weeks` weeks, up to `factor` times their normal level; with
   * `yearlyGrowth`, the same codes also climb steadily by that factor a year over the last two years.
   */
  rising?: { codes: string[]; weeks: number; factor: number; yearlyGrowth?: number };
  /** The district everything urban concentrates around (the town centre). */
  centreCode?: string;
};

const DAY_MS = 86_400_000;

/**
 * Synthetic incidents with weekday and seasonal patterns, district differences and an optional
 * planted rise. Pure and deterministic for given options: tests and the demo seed share it.
 */
export function generateSyntheticIncidents(options: SyntheticOptions): IncidentRow[] {
  const random = createRandom(options.seed);
  const centre = options.areas.find((area) => area.code === options.centreCode) ?? options.areas[0];
  const totalPopulation = options.areas.reduce((sum, area) => sum + area.population, 0);
  const districtFactor = options.areas.map(() => 0.7 + random.next() * 0.7);
  const urbanity = options.areas.map((area) => {
    const km = Math.hypot(
      ((area.centroidLon ?? 0) - (centre?.centroidLon ?? 0)) * 55,
      ((area.centroidLat ?? 0) - (centre?.centroidLat ?? 0)) * 111,
    );
    return Math.exp(-km / 2.5);
  });
  const weights = new Map<string, number[]>();
  for (const category of options.categories) {
    const raw = options.areas.map((area, index) => {
      const urban = category.urban ?? 0;
      const share = area.population / (totalPopulation || 1);
      return share * Math.max(0.15, 1 + urban * 4 * (urbanity[index] ?? 0)) * (districtFactor[index] ?? 1);
    });
    const sum = raw.reduce((a, b) => a + b, 0) || 1;
    weights.set(
      category.code,
      raw.map((value) => value / sum),
    );
  }
  const days = daysBetween(options.start, options.end) + 1;
  const rows: IncidentRow[] = [];
  for (let day = 0; day < days; day++) {
    const date = addDays(options.start, day);
    const when = new Date(`${date}T00:00:00Z`);
    const weekday = when.getUTCDay();
    const month = when.getUTCMonth();
    const daysLeft = days - 1 - day;
    for (const category of options.categories) {
      const perDay = (category.perYear ?? 0) / 365;
      const weekend = category.weekend ?? 1;
      const weekdayFactor = (weekday === 5 || weekday === 6 ? weekend : 1) / ((5 + 2 * weekend) / 7);
      const summer = category.summer ?? 1;
      const seasonFactor = (month >= 5 && month <= 7 ? summer : 1) / ((9 + 3 * summer) / 12);
      let riseFactor = 1;
      if (options.rising?.codes.includes(category.code) && daysLeft < options.rising.weeks * 7) {
        const progress = 1 - daysLeft / (options.rising.weeks * 7);
        riseFactor = 1 + (options.rising.factor - 1) * Math.min(1, progress * 1.5);
      }
      const areaWeights = weights.get(category.code) ?? [];
      options.areas.forEach((area, index) => {
        const mean = perDay * weekdayFactor * seasonFactor * riseFactor * (areaWeights[index] ?? 0);
        const count = random.poisson(mean);
        for (let n = 0; n < count; n++)
          rows.push(syntheticRow(options, random, area, category, when, rows.length));
      });
    }
  }
  return [...rows, ...steadyClimb(options, weights)];
}

const CLIMB_YEARS = 2;

/**
 * The extra incidents of a steady climb, drawn from a random stream of their own so that every
 * other synthetic incident stays exactly as it was without the climb.
 */
function steadyClimb(options: SyntheticOptions, weights: Map<string, number[]>): IncidentRow[] {
  const growth = options.rising?.yearlyGrowth;
  if (!growth || growth <= 1) return [];
  const random = createRandom(options.seed ^ 0x5eed);
  const days = daysBetween(options.start, options.end) + 1;
  const rows: IncidentRow[] = [];
  for (let day = Math.max(0, days - 365 * CLIMB_YEARS); day < days; day++) {
    const when = new Date(`${addDays(options.start, day)}T00:00:00Z`);
    const years = (day - (days - 365 * CLIMB_YEARS)) / 365;
    for (const category of options.categories) {
      if (!options.rising?.codes.includes(category.code)) continue;
      const extra = ((category.perYear ?? 0) / 365) * (growth ** years - 1);
      const areaWeights = weights.get(category.code) ?? [];
      options.areas.forEach((area, index) => {
        const count = random.poisson(extra * (areaWeights[index] ?? 0));
        for (let n = 0; n < count; n++)
          rows.push(syntheticRow(options, random, area, category, when, `climb-${rows.length}`));
      });
    }
  }
  return rows;
}

function syntheticRow(
  options: SyntheticOptions,
  random: ReturnType<typeof createRandom>,
  area: SyntheticArea,
  category: SyntheticCategory,
  day: Date,
  index: number | string,
): IncidentRow {
  const isNight = random.next() < (category.nightShare ?? 0.3);
  // Night hours run 22–06; local time is about UTC+1, close enough for synthetic data.
  const hour = isNight ? (21 + random.integer(8)) % 24 : 6 + random.integer(15);
  const occurredFrom = new Date(day.getTime() + hour * 3_600_000 + random.integer(60) * 60_000);
  const lagRoll = random.next();
  const lagDays = lagRoll < 0.6 ? 0 : lagRoll < 0.85 ? 1 : 2 + random.integer(6);
  const registeredAt = new Date(
    Math.max(
      occurredFrom.getTime() + 3_600_000,
      day.getTime() + lagDays * DAY_MS + (7 + random.integer(9)) * 3_600_000,
    ),
  );
  return {
    dataSourceId: options.dataSourceId,
    externalId: `syn-${options.seed}-${index}`,
    categoryId: category.id,
    areaId: area.id,
    occurredFrom,
    timeKnown: true,
    registeredAt,
    count: 1,
    lon: area.centroidLon,
    lat: area.centroidLat,
    pointPrecision: "area_centroid",
  };
}

export async function createSyntheticIncidents(
  db: Db,
  workspaceId: string,
  options: SyntheticOptions,
  timeZone = "Europe/Stockholm",
) {
  const rows = generateSyntheticIncidents(options);
  await insertIncidents(db, workspaceId, rows, timeZone);
  return rows;
}
