import { useI18n } from "../../i18n/i18n.tsx";
import { type Choropleth, NO_DATA_COLOR } from "./choropleth.ts";

export function MapLegend({ choropleth }: { choropleth: Choropleth }) {
  const { t, formatNumber } = useI18n();
  const ranges = choropleth.colors.map((color, index) => {
    const lower = index === 0 ? null : choropleth.breaks[index - 1];
    const upper = choropleth.breaks[index];
    const label =
      lower === undefined || lower === null
        ? upper === undefined
          ? ""
          : `< ${formatNumber(upper, 1)}`
        : upper === undefined
          ? `≥ ${formatNumber(lower, 1)}`
          : `${formatNumber(lower, 1)} – ${formatNumber(upper, 1)}`;
    return { color, label };
  });
  return (
    <figure className="map-legend">
      <figcaption>{t("overview.legend")}</figcaption>
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
