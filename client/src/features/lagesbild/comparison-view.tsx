import type { StatusLevel } from "../../../../shared/schemas/lagesbild.ts";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { lagesbildPeriodLabel } from "./lagesbild-period.ts";
import { LevelBadge } from "./sections/level-badge.tsx";

type Compared = RouterOutputs["lagesbild"]["compare"];
type Row = { key: string; name: string; a: number; b: number; change: number };

/** The comparison laid out: rises beside falls, status moves, insatser opened and closed. */
export function ComparisonView({ data }: { data: Compared }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { comparison } = data;
  const levels = new Map<string, StatusLevel>([...data.a.levels, ...data.b.levels].map((l) => [l.key, l]));
  const categories: Row[] = comparison.categories.map((c) => ({
    key: c.code ?? c.nameSv,
    name: locale === "sv" ? c.nameSv : c.nameEn,
    a: c.a,
    b: c.b,
    change: c.change,
  }));
  const districts: Row[] = comparison.districts.map((d) => ({ key: d.areaId, ...d }));
  const version = (side: Compared["a"]) =>
    `${lagesbildPeriodLabel(side.period, i18n)}, ${t("lagesbild.statusPublished", { version: side.version })}`;
  const labels = { a: version(data.a), b: version(data.b) };
  return (
    <div className="comparison" data-testid="comparison">
      <dl className="facts">
        <dt>{t("lagesbild.compare.a")}</dt>
        <dd data-testid="compare-a">{labels.a}</dd>
        <dt>{t("lagesbild.compare.b")}</dt>
        <dd data-testid="compare-b">{labels.b}</dd>
      </dl>
      <div className="two-columns">
        <section aria-labelledby="compare-rose-title" data-testid="compare-rose">
          <h3 id="compare-rose-title">{t("lagesbild.compare.rose")}</h3>
          <ChangeTable
            side={t("lagesbild.compare.rose")}
            title={t("compstat.category")}
            rows={categories.filter((r) => r.change > 0)}
          />
          <ChangeTable
            side={t("lagesbild.compare.rose")}
            title={t("col.district")}
            rows={districts.filter((r) => r.change > 0)}
          />
        </section>
        <section aria-labelledby="compare-fell-title" data-testid="compare-fell">
          <h3 id="compare-fell-title">{t("lagesbild.compare.fell")}</h3>
          <ChangeTable
            side={t("lagesbild.compare.fell")}
            title={t("compstat.category")}
            rows={categories.filter((r) => r.change < 0).reverse()}
          />
          <ChangeTable
            side={t("lagesbild.compare.fell")}
            title={t("col.district")}
            rows={districts.filter((r) => r.change < 0).reverse()}
          />
        </section>
      </div>
      <section aria-labelledby="compare-status-title" data-testid="compare-status-moves">
        <h3 id="compare-status-title">{t("lagesbild.compare.statusMoves")}</h3>
        {comparison.statusMoves.length === 0 ? (
          <p className="muted">{t("lagesbild.compare.noStatusMoves")}</p>
        ) : (
          <ScrollRegion label={t("lagesbild.compare.statusMoves")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("col.district")}</th>
                  <th scope="col">{t("lagesbild.compare.from")}</th>
                  <th scope="col">{t("lagesbild.compare.to")}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.statusMoves.map((move) => (
                  <tr key={move.areaName}>
                    <th scope="row">{move.areaName}</th>
                    <td>
                      <LevelBadge level={move.from ? levels.get(move.from) : null} />
                    </td>
                    <td>
                      <LevelBadge level={move.to ? levels.get(move.to) : null} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      <div className="two-columns">
        <InsatsList
          id="compare-opened"
          title={t("lagesbild.compare.opened")}
          insatser={comparison.insatserOpened}
        />
        <InsatsList
          id="compare-closed"
          title={t("lagesbild.compare.closed")}
          insatser={comparison.insatserClosed}
        />
      </div>
    </div>
  );
}

function ChangeTable({ side, title, rows }: { side: string; title: string; rows: Row[] }) {
  const { t, formatNumber } = useI18n();
  if (rows.length === 0) return <p className="muted small">{t("lagesbild.compare.none", { what: title })}</p>;
  return (
    <ScrollRegion label={`${side}: ${title}`}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="numeric">
              {t("lagesbild.compare.a")}
            </th>
            <th scope="col" className="numeric">
              {t("lagesbild.compare.b")}
            </th>
            <th scope="col" className="numeric">
              {t("col.change")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{formatNumber(row.a)}</td>
              <td className="numeric">{formatNumber(row.b)}</td>
              <td className="numeric">{`${row.change > 0 ? "+" : ""}${formatNumber(row.change)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function InsatsList({
  id,
  title,
  insatser,
}: {
  id: string;
  title: string;
  insatser: { id: string; title: string }[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {insatser.length === 0 ? (
        <p className="muted">{t("lagesbild.compare.noInsatser")}</p>
      ) : (
        <ul>
          {insatser.map((insats) => (
            <li key={insats.id}>{insats.title}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
