import { quantileBreaks } from "../../../../shared/rates.ts";

// Sequential palette (ColorBrewer YlOrRd, 5 classes): readable on a projector and in greyscale.
export const CHOROPLETH_COLORS = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"] as const;
export const NO_DATA_COLOR = "#d9d9d9";

export type Choropleth = { breaks: number[]; colors: string[] };

/** Class breaks over the districts' rates; fewer classes when few distinct values exist. */
export function buildChoropleth(rates: readonly (number | null)[]): Choropleth {
  const breaks = quantileBreaks(rates, CHOROPLETH_COLORS.length);
  return { breaks, colors: CHOROPLETH_COLORS.slice(0, breaks.length + 1) };
}

/** A MapLibre expression colouring features by their `rate` property. */
export function fillColorExpression(choropleth: Choropleth): unknown[] {
  const steps: unknown[] = ["step", ["get", "rate"], choropleth.colors[0] ?? NO_DATA_COLOR];
  choropleth.breaks.forEach((value, index) => {
    steps.push(value, choropleth.colors[index + 1] ?? NO_DATA_COLOR);
  });
  return ["case", ["==", ["typeof", ["get", "rate"]], "number"], steps, NO_DATA_COLOR];
}

/** Long DeSO names shortened for map labels: "Tolsbo-Strandbo-…-Halvarsgårdarna 2" → "Tolsbo… 2". */
export function shortLabel(name: string): string {
  if (name.length <= 18) return name;
  const number = /\s(\d+)$/.exec(name)?.[1];
  const first = name.split(/[-\s]/)[0] ?? name;
  return number ? `${first}… ${number}` : `${first}…`;
}
