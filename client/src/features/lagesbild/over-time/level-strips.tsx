import { Link } from "react-router";
import { periodWeekNumbers } from "../../../../../shared/calendar.ts";
import type { StatusLevel } from "../../../../../shared/schemas/lagesbild.ts";
import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../../trpc.ts";
import { useWorkspace } from "../../workspace/workspace-context.tsx";
import { asPeriod, lagesbildPeriodLabel } from "../lagesbild-period.ts";
import { levelLabel, levelStyle, StatusLegend } from "../sections/level-badge.tsx";

type OverTime = RouterOutputs["lagesbild"]["overTime"];

/**
 * A strip per area: its status in each published lägesbild of the range, one column per meeting.
 * Each cell carries the level's colour and its name, so the colour never carries the meaning alone.
 */
export function LevelStrips({ data }: { data: OverTime }) {
  const i18n = useI18n();
  const { t, locale, formatNumber, formatDate } = i18n;
  const workspace = useWorkspace();
  const byKey = new Map<string, StatusLevel>(data.levels.map((level) => [level.key, level]));
  const weeks = (period: OverTime["columns"][number]["period"]) =>
    t("overTime.weeks", { weeks: periodWeekNumbers(asPeriod(period)).weeks.join("–") });
  return (
    <>
      <ScrollRegion label={t("overTime.strips")}>
        <table className="data-table level-strips" data-testid="level-strips">
          <caption>
            {t("overTime.stripsCaption", {
              count: formatNumber(data.columns.length),
              period: lagesbildPeriodLabel(data.range, i18n),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("overTime.area")}</th>
              {data.columns.map((column) => (
                <th scope="col" key={column.lagesbildId} className="level-strip-column">
                  <Link
                    to={`/w/${workspace.slug}/lagesbild/${column.lagesbildId}`}
                    aria-label={lagesbildPeriodLabel(column.period, i18n)}
                  >
                    {weeks(column.period)}
                  </Link>
                  <span className="small muted level-strip-date">{formatDate(column.period.start)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.strips.map((strip) => (
              <tr key={strip.areaId} data-area={strip.areaName}>
                <th scope="row">{strip.areaName}</th>
                {strip.levels.map((key, index) => {
                  const level = key ? byKey.get(key) : null;
                  const column = data.columns[index];
                  return (
                    <td
                      key={column?.lagesbildId ?? index}
                      className="level-cell"
                      style={levelStyle(level)}
                      data-level={key ?? ""}
                    >
                      {key === null ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t("lagesbild.noStatus")}</span>
                        </>
                      ) : level ? (
                        levelLabel(level, locale)
                      ) : (
                        key
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <StatusLegend levels={data.levels} />
    </>
  );
}
