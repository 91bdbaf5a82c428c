import type { ReactNode } from "react";

type Props = {
  sorted: false | "asc" | "desc";
  canSort?: boolean;
  isNumeric: boolean;
  onToggle?: (event: unknown) => void;
  children: ReactNode;
};

/** A column header that sorts on click, announcing its order through aria-sort. */
export function SortableHeaderCell({ sorted, canSort = true, isNumeric, onToggle, children }: Props) {
  return (
    <th
      scope="col"
      className={isNumeric ? "numeric" : undefined}
      aria-sort={
        sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined
      }
    >
      {canSort ? (
        <button type="button" className="sort-button" onClick={onToggle}>
          {children}
          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
        </button>
      ) : (
        children
      )}
    </th>
  );
}
