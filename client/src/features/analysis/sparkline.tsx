/** A 13-period trend drawn inline; the values are also in its accessible name. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 80;
  const height = 22;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map(
      (value, index) =>
        `${(index * step).toFixed(1)},${(height - 2 - (value / max) * (height - 4)).toFixed(1)}`,
    )
    .join(" ");
  const last = values.at(-1) ?? 0;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: ${values.join(", ")}`}
    >
      <polyline points={points} fill="none" stroke="#1f5fa8" strokeWidth={1.5} />
      <circle cx={width} cy={height - 2 - (last / max) * (height - 4)} r={2.5} fill="#b34700" />
    </svg>
  );
}
