import {
  constructSortFn,
  createSortedRowModel,
  type ReactTable,
  type Row,
  type RowData,
  rowSortingFeature,
  type SortingState,
  type TableFeatures,
  tableFeatures,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import { compareCells } from "../../../../shared/table-sort.ts";
import { ScrollRegion } from "./scroll-region.tsx";
import { SortableHeaderCell } from "./sortable-header-cell.tsx";

/**
 * Both sort kinds compare as the exports do (shared/table-sort.ts: Swedish alphabet, numbers by
 * value), so a file lists its rows in the order on screen.
 */
const sameAsExports = constructSortFn({ sort: (a: unknown, b: unknown) => compareCells(a, b) });

/** What a sortable table needs; a table that also expands rows builds on `sortingFeatureParts`. */
export const sortingFeatureParts = {
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sameAsExports, basic: sameAsExports },
};
export const sortingFeatures = tableFeatures(sortingFeatureParts);

/**
 * A table's sort held by its page, so the page's export can list rows in the same order; tables
 * without one keep their own.
 */
export type TableSort = { sorting: SortingState; onSortingChange: (next: SortingState) => void };

/** The useTable options for a sort held outside the table (or none, to keep the initial one). */
export function sortOptions(sort: TableSort | undefined) {
  if (!sort) return {};
  return {
    state: { sorting: sort.sorting },
    onSortingChange: (updater: SortingState | ((old: SortingState) => SortingState)) =>
      sort.onSortingChange(typeof updater === "function" ? updater(sort.sorting) : updater),
  };
}

/** Any feature set with row sorting (the header cells sort). */
type SortingFeatures = TableFeatures & { rowSortingFeature: typeof rowSortingFeature };

/**
 * A column of a table with row sorting. TypeScript cannot resolve the feature-dependent column
 * type while TFeatures is still generic, so the header reads the sorting methods through this.
 */
type SortableColumn = {
  getIsSorted(): false | "asc" | "desc";
  getCanSort(): boolean;
  getToggleSortingHandler(): ((event: unknown) => void) | undefined;
};

type DataAttributes = Record<`data-${string}`, string | number | boolean | null | undefined>;

type Props<TFeatures extends SortingFeatures, TData extends RowData> = {
  table: ReactTable<TFeatures, TData>;
  testId: string;
  className?: string;
  /** Numeric columns are right-aligned, header and cells alike. */
  isNumeric?: (columnId: string) => boolean;
  /** data-* attributes per row (the tests and the map find rows by them). */
  rowAttributes?: (row: Row<TFeatures, TData>) => DataAttributes;
  caption?: ReactNode;
  /** Rows for <tfoot>, e.g. a total. */
  footer?: ReactNode;
  /** A name for the scroll box, which then takes keyboard focus (wide tables on a phone). */
  scrollLabel?: string;
};

/**
 * The one data table: headers that sort on click (with aria-sort), numeric alignment, and an
 * optional caption and footer, over any @tanstack/react-table instance the feature sets up.
 */
export function DataTable<TFeatures extends SortingFeatures, TData extends RowData>({
  table,
  testId,
  className,
  isNumeric = () => false,
  rowAttributes,
  caption,
  footer,
  scrollLabel,
}: Props<TFeatures, TData>) {
  const body = (
    <table className={className ? `data-table ${className}` : "data-table"} data-testid={testId}>
      {caption ? <caption className="muted small">{caption}</caption> : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const column = header.column as unknown as SortableColumn;
              return (
                <SortableHeaderCell
                  key={header.id}
                  sorted={column.getIsSorted()}
                  canSort={column.getCanSort()}
                  isNumeric={isNumeric(header.column.id)}
                  onToggle={column.getToggleSortingHandler()}
                >
                  <table.FlexRender header={header} />
                </SortableHeaderCell>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} {...rowAttributes?.(row)}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={isNumeric(cell.column.id) ? "numeric" : undefined}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
  return scrollLabel ? (
    <ScrollRegion label={scrollLabel}>{body}</ScrollRegion>
  ) : (
    <div className="table-scroll">{body}</div>
  );
}
