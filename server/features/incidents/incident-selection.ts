import { LRUCache } from "lru-cache";
import { readDataVersion } from "../../answer-cache.ts";
import type { WorkspaceReadScope } from "../../service-scope.ts";
import { coveredAreas, listAreas, resolveAreaScope } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import type { CountSelection } from "./incident-counts.ts";

/** What a statistics question selects: the filter bar's areas, categories, sources and date basis. */
export type SelectionFilter = {
  areaCodes: readonly string[];
  categoryCodes: readonly string[];
  sourceIds: readonly string[];
  dateBasis?: "registered" | "occurred";
};

/**
 * The one incident query scope (CompStat, Ökar nu, the trend, the overview, patterns, exports):
 * the workspace's areas and categories read once and the filter resolved against them, then
 * handed to countRanges (`counts(keys)`) or, for the few questions about single incidents (time of
 * day, map points), as SQL conditions with every value a parameter (`conditions`, `params`).
 * Unknown area or category codes are refused here, naming the code.
 */
export type ResolvedSelection = Awaited<ReturnType<typeof resolveSelection>>;

type Lists = {
  areas: Awaited<ReturnType<typeof listAreas>>;
  categories: Awaited<ReturnType<typeof listCategories>>;
};
const lists = new LRUCache<string, Promise<Lists>>({ max: 256 });

/**
 * The workspace's areas and categories as of its data version (both tables bump it), read once per
 * version and process: every statistics question needs them, and they change only with an import
 * or an admin's edit. The lists are shared between requests: callers read them, never change them.
 */
async function workspaceLists(scope: WorkspaceReadScope): Promise<Lists> {
  const key = `${scope.workspace.id}:${await readDataVersion(scope.db, scope.workspace.id)}`;
  const held = lists.get(key);
  if (held) return held;
  const loading = Promise.all([listAreas(scope), listCategories(scope)]).then(([areas, categories]) => ({
    areas,
    categories,
  }));
  lists.set(key, loading);
  loading.catch(() => lists.delete(key));
  return loading;
}

export async function resolveSelection(scope: WorkspaceReadScope, filter: SelectionFilter) {
  const { areas, categories } = await workspaceLists(scope);
  const covered = coveredAreas(areas, filter.areaCodes);
  const categoryIds = resolveCategoryScope(categories, filter.categoryCodes);
  const everyArea = filter.areaCodes.length === 0;
  const basis = filter.dateBasis ?? "registered";
  const sourceIds = [...filter.sourceIds];
  const workspaceId = scope.workspace.id;
  return {
    workspaceId,
    /** Every area and category of the workspace (for trees, names and populations). */
    areas,
    categories,
    /** The areas the filter covers, with their parents and children. */
    covered,
    /** The districts (leaf areas) the filter covers: the rows of the map and the district table. */
    districts: resolveAreaScope(areas, filter.areaCodes),
    everyArea,
    categoryIds,
    sourceIds,
    basis,
    /**
     * The selection for countRanges, per key. No area chosen counts every area (a rollup can
     * answer), including incidents placed on a larger area than a district (police events on the
     * kommun); `areaIds` counts exactly those areas instead.
     */
    counts(keys: CountSelection["keys"], options: { areaIds?: readonly string[] } = {}): CountSelection {
      return {
        workspaceId,
        areaIds: options.areaIds ?? (everyArea ? null : covered.map((area) => area.id)),
        categoryIds,
        sourceIds,
        basis,
        keys,
      };
    },
    /** Conditions on a table aliased x (area_id, category_id, data_source_id); $1…$4 are `params`. */
    conditions: `x.workspace_id = $1::uuid AND x.area_id IS NOT NULL
      AND ($2::json IS NULL OR x.area_id IN (SELECT value::uuid FROM json_array_elements_text($2::json)))
      AND ($3::json IS NULL OR x.category_id IN (SELECT value::uuid FROM json_array_elements_text($3::json)))
      AND ($4::json IS NULL OR x.data_source_id IN (SELECT value::uuid FROM json_array_elements_text($4::json)))`,
    params: [
      workspaceId,
      everyArea ? null : JSON.stringify(covered.map((area) => area.id)),
      categoryIds ? JSON.stringify(categoryIds) : null,
      sourceIds.length > 0 ? JSON.stringify(sourceIds) : null,
    ] as unknown[],
  };
}
