import { quantileBreaks } from "../../../../shared/rates.ts";

// Sequential palette (ColorBrewer YlOrRd, 5 classes): readable on a projector and in greyscale.
export const CHOROPLETH_COLORS = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"] as const;
export const NO_DATA_COLOR = "#d9d9d9";

// Diverging palette (ColorBrewer RdBu, reversed): blue for fewer, red for more than before.
export const CHANGE_COLORS = ["#2166ac", "#92c5de", "#f7f7f7", "#f4a582", "#b2182b"] as const;

export type MapMetric = "rate" | "count" | "change";
export const MAP_METRICS: readonly MapMetric[] = ["rate", "count", "change"];
export type Choropleth = { breaks: number[]; colors: string[]; digits: number };

/** Class breaks for the chosen measure: quantiles for rate and count, symmetric around 0 for change. */
export function buildChoropleth(values: readonly (number | null)[], metric: MapMetric = "rate"): Choropleth {
  if (metric === "change") {
    const largest = Math.max(1, ...values.map((value) => Math.abs(value ?? 0)));
    const step = Math.max(1, Math.round(largest * 0.2));
    return {
      breaks: [-3 * step + 0.5, -step + 0.5, step - 0.5, 3 * step - 0.5],
      colors: [...CHANGE_COLORS],
      digits: 1,
    };
  }
  const breaks = quantileBreaks(values, CHOROPLETH_COLORS.length);
  return { breaks, colors: CHOROPLETH_COLORS.slice(0, breaks.length + 1), digits: metric === "rate" ? 1 : 0 };
}

/** A MapLibre expression colouring features by their `value` property. */
export function fillColorExpression(choropleth: Choropleth): unknown[] {
  const steps: unknown[] = ["step", ["get", "value"], choropleth.colors[0] ?? NO_DATA_COLOR];
  choropleth.breaks.forEach((value, index) => {
    steps.push(value, choropleth.colors[index + 1] ?? NO_DATA_COLOR);
  });
  return ["case", ["==", ["typeof", ["get", "value"]], "number"], steps, NO_DATA_COLOR];
}

/** Long DeSO names shortened for map labels: "Tolsbo-Strandbo-…-Halvarsgårdarna 2" → "Tolsbo… 2". */
export function shortLabel(name: string): string {
  if (name.length <= 18) return name;
  const number = /\s(\d+)$/.exec(name)?.[1];
  const first = name.split(/[-\s]/)[0] ?? name;
  return number ? `${first}… ${number}` : `${first}…`;
}
