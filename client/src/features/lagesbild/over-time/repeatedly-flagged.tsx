import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../../trpc.ts";

type OverTime = RouterOutputs["lagesbild"]["overTime"];

/** The categories flagged as rising in two or more of the range's lägesbilder, and where. */
export function RepeatedlyFlagged({ data }: { data: OverTime }) {
  const { t, locale, formatNumber } = useI18n();
  if (data.repeatedlyFlagged.length === 0) return <p className="muted">{t("overTime.noFlagged")}</p>;
  return (
    <ScrollRegion label={t("overTime.flagged")}>
      <table className="data-table" data-testid="repeatedly-flagged">
        <caption>{t("overTime.flaggedCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overTime.category")}</th>
            <th scope="col" className="numeric">
              {t("overTime.times")}
            </th>
            <th scope="col">{t("overTime.areas")}</th>
          </tr>
        </thead>
        <tbody>
          {data.repeatedlyFlagged.map((entry) => (
            <tr key={entry.categoryCode}>
              <th scope="row">{locale === "sv" ? entry.nameSv : entry.nameEn}</th>
              <td className="numeric">
                {t("overTime.timesOf", {
                  times: formatNumber(entry.times),
                  count: formatNumber(data.columns.length),
                })}
              </td>
              <td>{entry.areas.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
