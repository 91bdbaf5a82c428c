import { addDays, startOfLocalDay } from "../../../shared/calendar.ts";
import type { LagesbildFigures } from "../../../shared/lagesbild.ts";
import { describeSustained } from "../../../shared/rising-over-time.ts";
import { CompstatInputSchema } from "../../../shared/schemas/analysis.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { getCompstat, getRisingNow } from "../analysis/analysis.service.ts";
import { getRisingOverTime } from "../analysis/rising-over-time.service.ts";
import { resolveSelection } from "../incidents/incident-selection.ts";
import { getDistrictStats } from "../overview/overview.service.ts";

type FiguresInput = {
  period: { kind: string; start: string; end: string };
  areaCodes: string[];
  /** Every area the lägesbild covers (its districts and the larger areas they lie in). */
  coveredAreaIds: string[];
};

/**
 * Every source for the lägesbild's period, assembled by the same services the overview and
 * CompStat use: incidents per district and category with their flags, Ökar nu, findings recorded
 * in the period and open at its end, approved reports, dialogue themes, the latest surveys.
 */
export async function assembleFigures(scope: ServiceScope, input: FiguresInput): Promise<LagesbildFigures> {
  const { db, workspace } = scope;
  const { period, areaCodes } = input;
  const filter = CompstatInputSchema.parse({
    period: { kind: period.kind, date: period.start },
    areaCodes,
  });
  // The selection is resolved once for all five questions.
  const statistics = { db, workspace };
  const selection = await resolveSelection(statistics, filter);
  const recorded = await getDistrictStats(statistics, filter, selection);
  const open = await getDistrictStats(statistics, { ...filter, findingScope: "open" }, selection);
  const compstat = await getCompstat(statistics, filter, selection);
  const rising = await getRisingNow(statistics, filter, { limit: 10, resolved: selection });
  const overTime = await getRisingOverTime(statistics, filter, { limit: 10, resolved: selection });
  const openByArea = new Map(open.rows.map((row) => [row.areaId, row.findings]));
  const districts = recorded.rows.map((row) => ({
    areaId: row.areaId,
    code: row.code,
    name: row.name,
    population: row.population,
    count: row.count,
    previousCount: row.previousCount,
    rate: row.rate,
    changePercent: row.changePercent,
    findings: row.findings,
    openFindings: openByArea.get(row.areaId) ?? 0,
    reports: row.reports,
    themes: row.themes,
  }));
  return {
    period: { kind: period.kind, start: period.start, end: period.end },
    previous: recorded.previous,
    districts,
    total: {
      count: recorded.total.count,
      previousCount: recorded.total.previousCount,
      findings: recorded.total.findings,
      openFindings: open.total.findings,
      reports: recorded.total.reports,
    },
    categories: compstat.rows
      .filter((row) => row.depth <= 1)
      .map((row) => ({
        code: row.code,
        nameSv: row.nameSv,
        nameEn: row.nameEn,
        depth: row.depth,
        current: row.current,
        previous: row.previous,
        lastYear: row.lastYear,
        changePercent: row.changePercent,
        level: row.flag.level,
      })),
    rising: rising.map(({ pValue: _p, ...pair }) => pair),
    risingOverTime: overTime.map(({ pValue: _p, window, ...pair }) => ({
      ...pair,
      textSv: describeSustained({ level: pair.level, window }, "sv"),
      textEn: describeSustained({ level: pair.level, window }, "en"),
    })),
    themes: await themesInPeriod(scope, input),
    surveys: await latestSurveys(scope, input),
  };
}

async function themesInPeriod(
  { db, workspace }: ServiceScope,
  { period, coveredAreaIds, areaCodes }: FiguresInput,
) {
  const from = startOfLocalDay(period.start, workspace.timezone);
  const to = startOfLocalDay(addDays(period.end, 1), workspace.timezone);
  const rows = await db.$queryRaw<{ theme: string; dialogues: number }[]>`
    SELECT t.theme, COUNT(DISTINCT d.id)::int AS dialogues
    FROM dialogue_themes t
    JOIN dialogues d ON d.workspace_id = t.workspace_id AND d.id = t.dialogue_id
    WHERE t.workspace_id = ${workspace.id}::uuid
      AND d.starts_at >= ${from} AND d.starts_at < ${to}
      AND (${areaCodes.length === 0} OR d.area_id = ANY(${coveredAreaIds}::uuid[])
        OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.area_ids::jsonb) a WHERE a.value::uuid = ANY(${coveredAreaIds}::uuid[])))
    GROUP BY t.theme
    ORDER BY dialogues DESC, t.theme`;
  return rows;
}

/** Each survey indicator's newest year, in the lägesbild's areas (or everywhere, for the whole workspace). */
async function latestSurveys({ db, workspace }: ServiceScope, { coveredAreaIds, areaCodes }: FiguresInput) {
  const rows = await db.$queryRaw<
    { survey: string; indicator: string; area: string; year: number; value: number; unit: string }[]
  >`
    SELECT s.name AS survey, r.indicator, a.name AS area, r.year, r.value, r.unit
    FROM survey_results r
    JOIN data_sources s ON s.id = r.data_source_id
    JOIN areas a ON a.workspace_id = r.workspace_id AND a.id = r.area_id
    WHERE r.workspace_id = ${workspace.id}::uuid
      AND (${areaCodes.length === 0} OR r.area_id = ANY(${coveredAreaIds}::uuid[]))
      AND r.year = (SELECT MAX(year) FROM survey_results m
                    WHERE m.workspace_id = r.workspace_id AND m.data_source_id = r.data_source_id)
    ORDER BY s.name, r.indicator, a.name
    LIMIT 40`;
  return rows;
}
