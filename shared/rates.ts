// Derived figures every view shows. Computed here once, never inside components.

/** Incidents per 1,000 inhabitants; null when the population is unknown or zero. */
export function ratePerThousand(count: number, population: number | null | undefined): number | null {
  if (!population || population <= 0) return null;
  return (count / population) * 1000;
}

/** Relative change in percent; null when there is no base to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/** Class breaks for a choropleth: quantiles of the non-null values, strictly increasing. */
export function quantileBreaks(values: readonly (number | null)[], classes: number): number[] {
  const sorted = values
    .filter((value): value is number => value !== null && Number.isFinite(value))
    .sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let index = 1; index < classes; index++) {
    const position = (sorted.length - 1) * (index / classes);
    const lower = sorted[Math.floor(position)] ?? 0;
    const upper = sorted[Math.ceil(position)] ?? lower;
    const value = lower + (upper - lower) * (position - Math.floor(position));
    if (breaks.length === 0 || value > (breaks[breaks.length - 1] ?? Number.NEGATIVE_INFINITY))
      breaks.push(value);
  }
  return breaks;
}

/** The class index (0 = lowest) a value falls in for the given breaks. */
export function classOf(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value >= (breaks[index] ?? Number.POSITIVE_INFINITY)) index++;
  return index;
}
