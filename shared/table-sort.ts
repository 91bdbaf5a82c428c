// The order a sortable table shows, computed the same way in the browser and in an export, so a
// file lists its rows as the screen did (issue 15).

/** One sorted column, as the table's state holds it: later entries break ties of earlier ones. */
export type SortKey = { id: string; desc: boolean };

const collator = new Intl.Collator("sv", { numeric: true });

/**
 * Ascending order of two cell values: missing values first, numbers by size, text by Swedish
 * alphabet with numbers inside text by value ("v. 9" before "v. 10", å before ä before ö).
 */
export function compareCells(a: unknown, b: unknown): number {
  const isMissingA = a === null || a === undefined;
  const isMissingB = b === null || b === undefined;
  if (isMissingA || isMissingB) return isMissingA === isMissingB ? 0 : isMissingA ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a === b ? 0 : a < b ? -1 : 1;
  return collator.compare(String(a), String(b));
}

/** The rows in the order of the sort keys; ties keep their given order, as the table's do. */
export function sortRows<T>(
  rows: readonly T[],
  sort: readonly SortKey[],
  cellOf: (row: T, columnId: string) => unknown,
): T[] {
  if (sort.length === 0) return [...rows];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      for (const key of sort) {
        const order = compareCells(cellOf(a.row, key.id), cellOf(b.row, key.id));
        if (order !== 0) return key.desc ? -order : order;
      }
      return a.index - b.index;
    })
    .map(({ row }) => row);
}

/**
 * A tree's rows (parents before their children, as listed) sorted among siblings and flattened
 * depth first: what an expanding table shows with every row open. A row whose parent is not
 * listed is a root, as the table treats it.
 */
export function sortTreeRows<T extends { id: string; parentId: string | null }>(
  rows: readonly T[],
  sort: readonly SortKey[],
  cellOf: (row: T, columnId: string) => unknown,
): T[] {
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: T[] = [];
  const emit = (parent: string | null) => {
    for (const row of sortRows(children.get(parent) ?? [], sort, cellOf)) {
      ordered.push(row);
      emit(row.id);
    }
  };
  emit(null);
  return ordered;
}
