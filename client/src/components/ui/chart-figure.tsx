import type { ReactNode } from "react";

/** Axis ticks and grid lines every chart shares (dark enough for a projector). */
export const AXIS_TICK = { fontSize: 12, fill: "#333" } as const;
export const GRID_STROKE = "#e3e6ea";
export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 } as const;

/** Legend text in the page's own colour: a series' light colour (a band, an old year) is no colour for words. */
export const legendText = (value: unknown) => <span className="chart-legend-text">{String(value)}</span>;

/**
 * A chart with its one-sentence summary: the summary is the caption and the chart's accessible
 * name, so screen-reader users get the figure's point without the drawing.
 */
export function ChartFigure({
  testId,
  title,
  summary,
  data,
  children,
  footer,
}: {
  testId: string;
  title: string;
  summary: string;
  data?: Record<`data-${string}`, string | number>;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <figure className="chart" data-testid={testId} {...data}>
      <figcaption className="muted small">{summary}</figcaption>
      <div className="chart-area" role="img" aria-label={`${title}. ${summary}`}>
        {children}
      </div>
      {footer}
    </figure>
  );
}
