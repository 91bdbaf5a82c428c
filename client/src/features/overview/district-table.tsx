import { createColumnHelper, useTable } from "@tanstack/react-table";
import type { DistrictStat, DistrictStatsOutput } from "../../../../shared/schemas/overview.ts";
import {
  DataTable,
  sortingFeatures as features,
  sortOptions,
  type TableSort,
} from "../../components/ui/data-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

const helper = createColumnHelper<typeof features, DistrictStat>();

type Props = {
  data: DistrictStatsOutput;
  selectedCodes: string[];
  onToggle(code: string): void;
  /** The findings column counts findings open at the period's end rather than recorded in it. */
  openFindings?: boolean;
  /** The sort, held by the page so its export follows it. */
  sort?: TableSort;
};

/** The order the overview's table opens in: most incidents first. */
export const DISTRICT_TABLE_SORT = [{ id: "count", desc: true }];

export function DistrictTable({ data, selectedCodes, onToggle, openFindings = false, sort }: Props) {
  const i18n = useI18n();
  const { t, formatNumber, formatPercent, formatDate } = i18n;
  // While the period runs the counts are so far, against as many days of the previous period.
  const isSoFar = !data.isComplete;
  const number = (value: number | null, digits = 0) => (value === null ? "–" : formatNumber(value, digits));
  const columns = helper.columns([
    helper.accessor("name", {
      header: t("col.district"),
      sortFn: "alphanumeric",
      cell: (info) => {
        const row = info.row.original;
        const isSelected = row.code !== null && selectedCodes.includes(row.code);
        return (
          <button
            type="button"
            className="link-button"
            aria-pressed={isSelected}
            title={t("table.filterTo", { name: row.name })}
            onClick={() => row.code && onToggle(row.code)}
          >
            {row.name}
          </button>
        );
      },
    }),
    helper.accessor("population", {
      header: t("col.population"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("count", {
      header: isSoFar ? t("col.countSoFar") : t("col.count"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("rate", {
      header: t("col.rate"),
      sortFn: "basic",
      cell: (info) => number(info.getValue(), 1),
    }),
    helper.accessor("previousCount", {
      header: isSoFar ? t("col.previousSameDays") : t("col.previous"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("change", {
      header: t("col.change"),
      sortFn: "basic",
      cell: (info) => `${info.getValue() > 0 ? "+" : ""}${number(info.getValue())}`,
    }),
    helper.accessor("changePercent", {
      header: t("col.changePercent"),
      sortFn: "basic",
      cell: (info) => {
        const value = info.getValue();
        return value === null ? "–" : formatPercent(value);
      },
    }),
    helper.accessor("findings", {
      header: openFindings ? t("col.openFindings") : t("col.findings"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("reports", {
      header: t("col.reports"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
    helper.accessor("themes", {
      header: t("col.themes"),
      sortFn: "basic",
      cell: (info) => number(info.getValue()),
    }),
  ]);
  const table = useTable({
    features,
    columns,
    data: data.rows,
    initialState: { sorting: DISTRICT_TABLE_SORT },
    ...sortOptions(sort),
  });
  return (
    <DataTable
      table={table}
      testId="district-table"
      isNumeric={(id) => id !== "name"}
      rowAttributes={(row) => ({ "data-code": row.original.code })}
      caption={
        <>
          {isSoFar ? (
            <span className="so-far-mark" data-testid="table-so-far">
              {t("table.soFar", {
                end: formatDate(data.observed.end),
                previous: `${formatDate(data.previous.start)}–${formatDate(data.previous.end)}`,
              })}
            </span>
          ) : null}
          {data.populationYear ? t("table.populationYear", { year: data.populationYear }) : ""}
        </>
      }
      footer={
        <tr>
          <th scope="row">{t("overview.total")}</th>
          <td className="numeric">{number(data.total.population)}</td>
          <td className="numeric" data-testid="total-count">
            {number(data.total.count)}
          </td>
          <td className="numeric">{number(data.total.rate, 1)}</td>
          <td className="numeric">{number(data.total.previousCount)}</td>
          <td className="numeric">{`${data.total.change > 0 ? "+" : ""}${number(data.total.change)}`}</td>
          <td className="numeric">
            {data.total.changePercent === null ? "–" : formatPercent(data.total.changePercent)}
          </td>
          <td className="numeric" data-testid="total-findings">
            {number(data.total.findings)}
          </td>
          <td className="numeric" data-testid="total-reports">
            {number(data.total.reports)}
          </td>
          <td className="numeric" data-testid="total-themes">
            {number(data.total.themes)}
          </td>
        </tr>
      }
    />
  );
}
