import { PUBLIC_MIN_COUNT } from "./lofte-effects.ts";
import { ratePerThousand } from "./rates.ts";

// Figures on the public page (decisions/016, 026): counts below 5 are withheld ("färre än 5"), a
// withheld count has no rate, and no figure is shown beside a total it would let a reader
// subtract a withheld count from.

export const isSmallCount = (count: number) => count < PUBLIC_MIN_COUNT;

/** A count and its rate per 1,000 inhabitants, or neither when the count is below 5. */
export function publicCount(count: number, population: number | null) {
  if (isSmallCount(count)) return { count: null, rate: null, isSuppressed: true };
  return { count, rate: ratePerThousand(count, population), isSuppressed: false };
}

/**
 * "430 av 500 åtgärdade": the reported problems and how many were fixed. The problems still open
 * are total minus fixed, so they are a cell as well: when either part is below 5 the number fixed
 * is withheld (the page then says how many were reported and that fewer than 5 were, or were not,
 * fixed); when the total is below 5 nothing is given.
 */
export function fixedProblemsFigure(total: number, fixed: number) {
  const open = total - fixed;
  if (isSmallCount(total))
    return { total: null, fixed: null, isTotalSuppressed: true, isFixedFew: false, isOpenFew: false };
  const isFixedFew = isSmallCount(fixed);
  const isOpenFew = !isFixedFew && isSmallCount(open);
  return {
    total,
    fixed: isFixedFew || isOpenFew ? null : fixed,
    isTotalSuppressed: false,
    isFixedFew,
    isOpenFew,
  };
}

/** A figure over a set of categories and areas in one window of days. */
export type FigureCell = {
  key: string;
  window: string;
  categoryIds: ReadonlySet<string>;
  areaIds: ReadonlySet<string>;
};

const isSubset = (small: ReadonlySet<string>, large: ReadonlySet<string>) =>
  small.size <= large.size && [...small].every((id) => large.has(id));

/** `inner` lies inside `outer` (same window, both dimensions within) and is not the same cell. */
export function isStrictlyInside(inner: FigureCell, outer: FigureCell): boolean {
  if (inner.window !== outer.window) return false;
  if (!isSubset(inner.categoryIds, outer.categoryIds) || !isSubset(inner.areaIds, outer.areaIds))
    return false;
  return inner.categoryIds.size < outer.categoryIds.size || inner.areaIds.size < outer.areaIds.size;
}

/**
 * Secondary suppression: the keys of cells that contain another cell of the same window. A total
 * shown beside one of its parts lets a reader subtract; with categories and areas both trees, cells
 * that do not nest do not add up to one another, so withholding every containing cell leaves no
 * figure that is the difference of others (withheld parts included).
 */
export function containingCells(cells: readonly FigureCell[]): Set<string> {
  const withheld = new Set<string>();
  for (const outer of cells)
    if (cells.some((inner) => inner !== outer && isStrictlyInside(inner, outer))) withheld.add(outer.key);
  return withheld;
}
