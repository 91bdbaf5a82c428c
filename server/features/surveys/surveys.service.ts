import type { SurveyCatalog, SurveySeries, SurveySeriesInput } from "../../../shared/schemas/surveys.ts";
import { isTooFewRespondents, type SurveyKind, type SurveyUnit } from "../../../shared/surveys.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { coveredAreas, listAreas, populationByArea, populationsFor } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import { todayFor } from "../overview/today.ts";

/** The workspace's surveys with their indicators, the areas and years each covers. */
export async function listSurveys({ db, workspace }: ServiceScope): Promise<SurveyCatalog> {
  const [sources, rows] = await Promise.all([
    db.dataSource.findMany({
      where: { workspaceId: workspace.id, kind: "survey" },
      select: { id: true, name: true, surveyKind: true },
      orderBy: { name: "asc" },
    }),
    db.$queryRaw<
      { source: string; indicator: string; unit: SurveyUnit; codes: string[]; first: number; last: number }[]
    >`
      SELECT s.data_source_id AS source, s.indicator, MIN(s.unit) AS unit,
        json_agg(DISTINCT a.code) AS codes, MIN(s.year)::int AS first, MAX(s.year)::int AS last
      FROM survey_results s JOIN areas a ON a.workspace_id = s.workspace_id AND a.id = s.area_id
      WHERE s.workspace_id = ${workspace.id}::uuid
      GROUP BY 1, 2 ORDER BY 2`,
  ]);
  return sources.map((source) => ({
    id: source.id,
    name: source.name,
    kind: (source.surveyKind ?? "enkat") as SurveyKind,
    indicators: rows
      .filter((row) => row.source === source.id)
      .map((row) => ({
        indicator: row.indicator,
        unit: row.unit,
        areaCodes: row.codes.filter(Boolean).sort(),
        firstYear: row.first,
        lastYear: row.last,
      })),
  }));
}

/**
 * Reported incidents per year in each area (and below), with the rate per 1,000 inhabitants; a year
 * the data does not cover whole, or that is not over by `today`, is a part year.
 */
async function incidentsPerYear(
  { db, workspace }: ServiceScope,
  areaIds: string[],
  categoryIds: string[] | null,
  years: number[],
  today: string,
) {
  const [counts, [coverage]] = await Promise.all([
    db.$queryRawUnsafe<{ year: number; n: number }[]>(
      `SELECT EXTRACT(YEAR FROM x.day)::int AS year, SUM(x.registered)::int AS n
       FROM daily_incident_counts x
       WHERE x.workspace_id = $1::uuid AND x.area_id IN (SELECT value::uuid FROM json_array_elements_text($2::json))
         AND ($3::json IS NULL OR x.category_id IN (SELECT value::uuid FROM json_array_elements_text($3::json)))
       GROUP BY 1`,
      workspace.id,
      JSON.stringify(areaIds),
      categoryIds ? JSON.stringify(categoryIds) : null,
    ),
    db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
      SELECT MIN(day) AS first, MAX(day) AS last FROM daily_incident_counts WHERE workspace_id = ${workspace.id}::uuid`,
  ]);
  const byYear = new Map(counts.map((row) => [row.year, row.n]));
  const first = coverage?.first?.toISOString().slice(0, 10) ?? null;
  const last = coverage?.last?.toISOString().slice(0, 10) ?? null;
  return years.map((year) => {
    const isCovered = first !== null && last !== null && first <= `${year}-12-31` && last >= `${year}-01-01`;
    return {
      year,
      count: isCovered ? (byYear.get(year) ?? 0) : null,
      isPartialYear:
        isCovered && (first > `${year}-01-01` || last < `${year}-12-31` || today <= `${year}-12-31`),
    };
  });
}

/** One indicator per area over the years, each beside the area's reported incidents. */
export async function getSurveySeries(scope: ServiceScope, input: SurveySeriesInput): Promise<SurveySeries> {
  const { db, workspace } = scope;
  const [areas, categories, settings] = await Promise.all([
    listAreas(scope),
    listCategories(scope),
    db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { surveyMinRespondents: true } }),
  ]);
  const categoryIds = resolveCategoryScope(categories, input.categoryCodes ?? []);
  const rows = await db.surveyResult.findMany({
    where: { workspaceId: workspace.id, dataSourceId: input.dataSourceId, indicator: input.indicator },
    select: {
      areaId: true,
      year: true,
      unit: true,
      value: true,
      lower: true,
      upper: true,
      respondents: true,
    },
    orderBy: { year: "asc" },
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", `No results for ${input.indicator}`);
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const minimum = settings.surveyMinRespondents;
  const leafIds = areas.filter((area) => !areas.some((child) => child.parentId === area.id)).map((a) => a.id);
  const populationOfYear = new Map<number, Map<string, number | null>>();
  for (const year of years)
    populationOfYear.set(
      year,
      populationByArea(areas, await populationsFor(scope, { areaIds: leafIds, year })),
    );
  const result: SurveySeries["areas"] = [];
  for (const code of input.areaCodes) {
    const [area] = coveredAreas(areas, [code]).filter((candidate) => candidate.code === code);
    if (!area) continue;
    const incidents = await incidentsPerYear(
      scope,
      coveredAreas(areas, [code]).map((covered) => covered.id),
      categoryIds,
      years,
      todayFor(input, workspace),
    );
    result.push({
      code,
      name: area.name,
      results: rows
        .filter((row) => row.areaId === area.id)
        .map(({ areaId: _area, unit: _unit, ...row }) => ({
          ...row,
          isTooFew: isTooFewRespondents(row.respondents, minimum),
        })),
      incidents: incidents.map((entry) => {
        const population = populationOfYear.get(entry.year)?.get(area.id) ?? null;
        return {
          ...entry,
          rate:
            entry.count !== null && population ? Math.round((entry.count / population) * 10_000) / 10 : null,
        };
      }),
    });
  }
  return { unit: (rows[0]?.unit ?? "percent") as SurveyUnit, minRespondents: minimum, years, areas: result };
}
