import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from "recharts";
import type { EffectInterval } from "../../../../../shared/effect.ts";
import { AXIS_TICK, ChartFigure, GRID_STROKE } from "../../../components/ui/chart-figure.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";

const TICKS = [0.25, 0.5, 1, 2, 4];
const COLOR = "#0b4f9c";

/** The ratio as a point with its 95 % interval as a bar, on a log axis centred on 1 (no difference). */
export function EffectChart({ ratio, interval }: { ratio: number; interval: EffectInterval }) {
  const { t, formatNumber } = useI18n();
  // At least a halving and a doubling, and the whole interval with room to see where it ends.
  const domain = [Math.min(0.5, interval.lower / 1.25), Math.max(2, interval.upper * 1.25)];
  const ratioText = (value: number) => formatNumber(value, 2);
  return (
    <ChartFigure
      testId="effect-chart"
      title={t("effect.chart")}
      summary={t("effect.chartSummary", {
        ratio: ratioText(ratio),
        lower: ratioText(interval.lower),
        upper: ratioText(interval.upper),
      })}
    >
      <ResponsiveContainer width="100%" height={90}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 16 }}>
          <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
          <XAxis
            type="number"
            dataKey="ratio"
            scale="log"
            domain={domain}
            ticks={TICKS.filter((tick) => tick >= (domain[0] ?? 0) && tick <= (domain[1] ?? 0))}
            tickFormatter={(value: number) => formatNumber(value, value < 1 ? 2 : 0)}
            tick={AXIS_TICK}
            allowDataOverflow
          />
          <YAxis type="number" dataKey="row" domain={[0, 2]} hide />
          <ReferenceLine x={1} stroke="#333" strokeDasharray="4 3" />
          <ReferenceLine
            segment={[
              { x: interval.lower, y: 1 },
              { x: interval.upper, y: 1 },
            ]}
            stroke={COLOR}
            strokeWidth={3}
          />
          <Scatter data={[{ ratio, row: 1 }]} fill={COLOR} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
