import {
  createColumnHelper,
  createExpandedRowModel,
  rowExpandingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useMemo } from "react";
import type { CompstatOutput, CompstatRow } from "../../../../shared/schemas/analysis.ts";
import {
  DataTable,
  sortingFeatureParts,
  sortOptions,
  type TableSort,
} from "../../components/ui/data-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { RiseBadge } from "./rise-badge.tsx";
import { Sparkline } from "./sparkline.tsx";
import { SustainedBadge } from "./sustained-badge.tsx";

type TreeRow = CompstatRow & { subRows: TreeRow[] };

const features = tableFeatures({
  ...sortingFeatureParts,
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
});
const helper = createColumnHelper<typeof features, TreeRow>();

function toTree(rows: CompstatRow[]): TreeRow[] {
  const byId = new Map(rows.map((row) => [row.id, { ...row, subRows: [] as TreeRow[] }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) parent.subRows.push(row);
    else roots.push(row);
  }
  return roots;
}

export function CompstatTable({ data, sort }: { data: CompstatOutput; sort?: TableSort }) {
  const { t, locale, formatNumber, formatPercent } = useI18n();
  const tree = useMemo(() => toTree(data.rows), [data.rows]);
  const number = (value: number | null, digits = 0) => (value === null ? "–" : formatNumber(value, digits));
  // Years and quarters are judged by the sustained flag alone (the period against the same period a year earlier).
  // A period still running is not judged by the period flag: its count is only so far.
  const isPeriodFlagShown = data.flagBasis === "period" && data.isComplete;
  const isSoFar = !data.isComplete;
  const columns = helper.columns([
    helper.accessor((row) => (locale === "sv" ? row.nameSv : row.nameEn), {
      id: "name",
      header: t("compstat.category"),
      sortFn: "alphanumeric",
      cell: (info) => {
        const row = info.row;
        return (
          <span className="tree-cell" style={{ paddingLeft: `${row.depth * 1.1}rem` }}>
            {row.getCanExpand() ? (
              <button
                type="button"
                className="tree-toggle"
                aria-expanded={row.getIsExpanded()}
                onClick={row.getToggleExpandedHandler()}
              >
                <span aria-hidden="true">{row.getIsExpanded() ? "▾" : "▸"}</span>
                <span className="visually-hidden">
                  {row.getIsExpanded() ? t("compstat.collapse") : t("compstat.expand")}
                </span>
              </button>
            ) : (
              <span className="tree-spacer" aria-hidden="true" />
            )}
            {info.getValue()}
          </span>
        );
      },
    }),
    helper.accessor("current", {
      header: isSoFar ? t("compstat.currentSoFar") : t("compstat.current"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("previous", {
      header: isSoFar ? t("col.previousSameDays") : t("compstat.previous"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("change", {
      header: t("col.change"),
      sortFn: "basic",
      cell: (info) => (
        <span
          className={info.row.original.flag.level === "too_few" ? "greyed" : undefined}
        >{`${info.getValue() > 0 ? "+" : ""}${number(info.getValue())}`}</span>
      ),
    }),
    helper.accessor("changePercent", {
      header: t("col.changePercent"),
      sortFn: "basic",
      cell: (info) => {
        const value = info.getValue();
        return (
          <span className={info.row.original.flag.level === "too_few" ? "greyed" : undefined}>
            {value === null ? "–" : formatPercent(value)}
          </span>
        );
      },
    }),
    helper.accessor("rate", {
      header: t("col.rate"),
      sortFn: "basic",
      cell: (info) => number(info.getValue(), 1),
    }),
    helper.accessor("lastYear", {
      header: isSoFar ? t("compstat.lastYearSameDays") : t("compstat.lastYear"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("yearToDate", {
      header: t("compstat.ytd"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("lastYearToDate", {
      header: t("compstat.lastYtd"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.display({
      id: "sparkline",
      header: t("compstat.trend"),
      cell: (info) => (
        <Sparkline
          values={info.row.original.sparkline}
          label={isSoFar ? t("compstat.sparklineSoFar") : t("compstat.sparkline")}
        />
      ),
    }),
    ...(isPeriodFlagShown
      ? [
          helper.accessor((row) => row.flag.pValue ?? 2, {
            id: "flag",
            header: t("compstat.flag"),
            sortFn: "basic",
            cell: (info) => <RiseBadge row={info.row.original} />,
          }),
        ]
      : []),
    helper.accessor((row) => row.sustained.pValue ?? 2, {
      id: "sustained",
      header: t("compstat.sustained"),
      sortFn: "basic",
      cell: (info) => <SustainedBadge sustained={info.row.original.sustained} />,
    }),
  ]);
  const table = useTable({
    features,
    columns,
    data: tree,
    getSubRows: (row) => row.subRows,
    initialState: { sorting: [], expanded: {} },
    ...sortOptions(sort),
  });
  const isNumeric = (id: string) => !["name", "sparkline", "flag", "sustained"].includes(id);
  return (
    <DataTable
      table={table}
      testId="compstat-table"
      className="compstat"
      isNumeric={isNumeric}
      rowAttributes={(row) => ({ "data-code": row.original.code, "data-depth": row.depth })}
    />
  );
}
