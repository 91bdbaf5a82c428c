import type { FieldLayer, FieldLayersOutput } from "../../../../shared/schemas/overview.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { HelpButton } from "../help/help-button.tsx";
import { type Choropleth, type MapMetric, NO_DATA_COLOR } from "./choropleth.ts";
import { FIELD_LAYER_STYLE } from "./field-layer.ts";

type Props = { choropleth: Choropleth; metric: MapMetric; soFar: string | null };

/** The colour classes of the metric; while the period runs the caption says the figures are so far. */
export function MapLegend({ choropleth, metric, soFar }: Props) {
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
      <figcaption>
        {t(`overview.legend.${metric}`)}
        {soFar ? " " : null}
        {soFar ? (
          <span className="so-far-mark" data-testid="legend-so-far">
            {metric === "change" ? t("overview.legendSoFarChange", { soFar }) : soFar}
          </span>
        ) : null}{" "}
        {metric === "rate" ? <HelpButton entry="per-1000" /> : null}
        {metric === "change" ? <HelpButton entry="forandring" /> : null}
        {soFar ? <HelpButton entry="hittills" /> : null}
      </figcaption>
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

/** What the field layers show and how many of each are in the period. */
export function FieldLegend({ layers, data }: { layers: FieldLayer[]; data: FieldLayersOutput }) {
  const { t, formatNumber } = useI18n();
  const count: Record<FieldLayer, number> = {
    findings: data.findings.length,
    reports: data.reports.length,
    themes: data.themes.length,
  };
  return (
    <ul className="plain-list small field-legend" data-testid="field-legend">
      {layers.map((layer) => (
        <li key={layer} data-layer={layer}>
          <span
            className={`swatch round field-swatch-${layer}`}
            style={{
              borderColor: FIELD_LAYER_STYLE[layer].color,
              background: layer === "themes" ? "#fff" : FIELD_LAYER_STYLE[layer].color,
            }}
            aria-hidden="true"
          />{" "}
          {t(`fieldLayer.legend.${layer}`, { count: formatNumber(count[layer]) })}
        </li>
      ))}
    </ul>
  );
}
