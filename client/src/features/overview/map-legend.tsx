import { useI18n } from "../../i18n/i18n.tsx";
import { type Choropleth, type MapMetric, NO_DATA_COLOR } from "./choropleth.ts";

export function MapLegend({ choropleth, metric }: { choropleth: Choropleth; metric: MapMetric }) {
  const { t, formatNumber } = useI18n();
  const ranges = choropleth.colors.map((color, index) => {
    const lower = index === 0 ? null : choropleth.breaks[index - 1];
    const upper = choropleth.breaks[index];
    const label =
      lower === undefined || lower === null
        ? upper === undefined
          ? ""
          : `< ${formatNumber(upper, choropleth.digits)}`
        : upper === undefined
          ? `≥ ${formatNumber(lower, choropleth.digits)}`
          : `${formatNumber(lower, choropleth.digits)} – ${formatNumber(upper, choropleth.digits)}`;
    return { color, label };
  });
  return (
    <figure className="map-legend">
      <figcaption>{t(`overview.legend.${metric}`)}</figcaption>
      <ul>
        {ranges.map((range) => (
          <li key={range.color}>
            <span className="swatch" style={{ background: range.color }} aria-hidden="true" />
            {range.label}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {t("overview.legendNoData")}
        </li>
      </ul>
    </figure>
  );
}
