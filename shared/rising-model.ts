import jStat from "jstat";

// A log-linear Poisson model of a count series, log μ_t = a + b·t + season(t), fitted by
// iteratively reweighted least squares. Both rising flags use it to separate noise from trend and
// season: the dispersion they test against is what is left after both. See docs/rising-flag.md.

export type CountModel = {
  /** Fitted mean per value, in the series' order. */
  fitted: number[];
  /** Pearson χ² over the residual degrees of freedom, at least 1: how much more the counts vary than Poisson. */
  dispersion: number;
  degreesOfFreedom: number;
  /** The fitted season's multiplier at an index (of the fitted series; may lie beyond it). */
  seasonFactor: (index: number) => number;
  /** p-value of the Wald test that there is no season at all (1 when no season term was fitted). */
  seasonPValue: number;
};

const MAX_ITERATIONS = 25;

function designRow(index: number, length: number, periodsPerYear: number, harmonics: number): number[] {
  const row = [1, (index - (length - 1) / 2) / periodsPerYear];
  for (let k = 1; k <= harmonics; k++) {
    const angle = (2 * Math.PI * k * index) / periodsPerYear;
    row.push(Math.sin(angle), Math.cos(angle));
  }
  return row;
}

const designs = new Map<string, Float64Array>();

/** The design matrix, flat by row (index × width), shared by every fit of the same shape. */
function designMatrix(length: number, periodsPerYear: number, harmonics: number): Float64Array {
  const key = `${length}|${periodsPerYear}|${harmonics}`;
  const cached = designs.get(key);
  if (cached) return cached;
  const width = 2 + 2 * harmonics;
  const matrix = new Float64Array(length * width);
  for (let t = 0; t < length; t++) matrix.set(designRow(t, length, periodsPerYear, harmonics), t * width);
  if (designs.size > 200) designs.clear();
  designs.set(key, matrix);
  return matrix;
}

/** Solves A·x = b for a small symmetric positive-definite A (Gauss–Jordan with pivoting); null if singular. */
export function solveLinear(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const size = rhs.length;
  const rows = matrix.map((row, i) => [...row, rhs[i] ?? 0]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let r = column + 1; r < size; r++)
      if (Math.abs(rows[r]?.[column] ?? 0) > Math.abs(rows[pivot]?.[column] ?? 0)) pivot = r;
    const pivotRow = rows[pivot];
    const current = rows[column];
    if (!pivotRow || !current || Math.abs(pivotRow[column] ?? 0) < 1e-12) return null;
    rows[column] = pivotRow;
    rows[pivot] = current;
    const lead = pivotRow[column] ?? 1;
    for (let r = 0; r < size; r++) {
      const row = rows[r];
      if (r === column || !row) continue;
      const factor = (row[column] ?? 0) / lead;
      if (factor === 0) continue;
      for (let k = column; k <= size; k++) row[k] = (row[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  return rows.map((row, i) => (row[size] ?? 0) / (row[i] ?? 1));
}

/**
 * solveLinear's Gauss–Jordan elimination with partial pivoting, in place on an augmented matrix
 * (size rows of size + 1), with the same arithmetic in the same order; false if singular.
 */
function solveAugmented(matrix: Float64Array, size: number, order: Int32Array, out: Float64Array): boolean {
  const columns = size + 1;
  for (let i = 0; i < size; i++) order[i] = i;
  const at = (row: number, column: number) => matrix[(order[row] as number) * columns + column] as number;
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let r = column + 1; r < size; r++)
      if (Math.abs(at(r, column)) > Math.abs(at(pivot, column))) pivot = r;
    if (Math.abs(at(pivot, column)) < 1e-12) return false;
    const swap = order[column] as number;
    order[column] = order[pivot] as number;
    order[pivot] = swap;
    const pivotBase = (order[column] as number) * columns;
    const lead = matrix[pivotBase + column] as number;
    for (let r = 0; r < size; r++) {
      if (r === column) continue;
      const base = (order[r] as number) * columns;
      const factor = (matrix[base + column] as number) / lead;
      if (factor === 0) continue;
      for (let k = column; k <= size; k++)
        matrix[base + k] = (matrix[base + k] as number) - factor * (matrix[pivotBase + k] as number);
    }
  }
  for (let i = 0; i < size; i++) {
    const base = (order[i] as number) * columns;
    out[i] = (matrix[base + size] as number) / (matrix[base + i] as number);
  }
  return true;
}

function invert(matrix: readonly (readonly number[])[]): number[][] | null {
  const columns = matrix.map((_, j) =>
    solveLinear(
      matrix,
      matrix.map((__, i) => (i === j ? 1 : 0)),
    ),
  );
  if (columns.some((column) => column === null)) return null;
  return matrix.map((_, i) => matrix.map((__, j) => columns[j]?.[i] ?? 0));
}

/** P(χ²_k ≥ x). */
function chiSquareUpperTail(x: number, degrees: number): number {
  return x <= 0 ? 1 : 1 - jStat.lowRegGamma(degrees / 2, x / 2);
}

/**
 * Fits the model to a series of counts (oldest first) with `periodsPerYear` values a year. The
 * season is `harmonics` sine–cosine pairs, fewer when the series is shorter than a year or the year
 * has too few periods for them; null when the series is all zeros or too short to leave any
 * degrees of freedom.
 */
export function fitCountModel(
  values: readonly number[],
  periodsPerYear: number,
  options: { harmonics?: number } = {},
): CountModel | null {
  const length = values.length;
  const total = values.reduce((sum, value) => sum + value, 0);
  const maxHarmonics = Math.floor((periodsPerYear - 1) / 2);
  const harmonics = length >= periodsPerYear ? Math.min(options.harmonics ?? 2, maxHarmonics) : 0;
  const width = 2 + 2 * harmonics;
  if (total <= 0 || length < width + 3) return null;
  // Plain loops over a cached flat design: both flags fit one model per CompStat row.
  const design = designMatrix(length, periodsPerYear, harmonics);
  let beta = new Array<number>(width).fill(0);
  beta[0] = Math.log(total / length);
  const fitted = new Array<number>(length).fill(total / length);
  const etaAt = (t: number) => {
    let eta = 0;
    for (let j = 0; j < width; j++) eta += (design[t * width + j] as number) * (beta[j] as number);
    return Math.max(-30, Math.min(30, eta));
  };
  // One augmented matrix [information | score] reused by every iteration (no allocation per step).
  const columns = width + 1;
  const augmented = new Float64Array(width * columns);
  const order = new Int32Array(width);
  const solution = new Float64Array(width);
  let lastInformation: Float64Array | null = null;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    augmented.fill(0);
    for (let t = 0; t < length; t++) {
      const eta = etaAt(t);
      const mean = Math.exp(eta);
      fitted[t] = mean;
      const working = eta + ((values[t] ?? 0) - mean) / mean;
      for (let j = 0; j < width; j++) {
        const weighted = (design[t * width + j] as number) * mean;
        const line = j * columns;
        augmented[line + width] = (augmented[line + width] as number) + weighted * working;
        for (let k = 0; k < width; k++)
          augmented[line + k] =
            (augmented[line + k] as number) + weighted * (design[t * width + k] as number);
      }
    }
    lastInformation = new Float64Array(width * width);
    for (let j = 0; j < width; j++)
      lastInformation.set(augmented.subarray(j * columns, j * columns + width), j * width);
    if (!solveAugmented(augmented, width, order, solution)) break;
    let step = 0;
    for (let j = 0; j < width; j++) step = Math.max(step, Math.abs((solution[j] as number) - (beta[j] ?? 0)));
    beta = Array.from(solution);
    if (step < 1e-8) break;
  }
  const information: number[][] = lastInformation
    ? Array.from({ length: width }, (_, j) =>
        Array.from((lastInformation as Float64Array).subarray(j * width, (j + 1) * width)),
      )
    : [];
  for (let t = 0; t < length; t++) fitted[t] = Math.exp(etaAt(t));
  const pearson = values.reduce((sum, value, t) => {
    const mean = Math.max(fitted[t] ?? 0, 1e-9);
    return sum + (value - mean) ** 2 / mean;
  }, 0);
  const degreesOfFreedom = length - width;
  const dispersion = Math.max(1, pearson / degreesOfFreedom);
  const seasonBeta = beta.slice(2);
  const seasonFactor = (index: number) => {
    const row = designRow(index, length, periodsPerYear, harmonics);
    return Math.exp(seasonBeta.reduce((sum, value, j) => sum + value * (row[j + 2] ?? 0), 0));
  };
  // The season's test inverts the information matrix: computed only when a caller asks.
  let seasonP: number | null = null;
  const seasonTest = () => {
    if (harmonics === 0) return 1;
    const covariance = invert(information);
    const block = covariance?.slice(2).map((row) => row.slice(2).map((value) => value * dispersion));
    const weights = block ? solveLinear(block, seasonBeta) : null;
    if (!weights) return 1;
    const wald = seasonBeta.reduce((sum, value, j) => sum + value * (weights[j] ?? 0), 0);
    return chiSquareUpperTail(wald, seasonBeta.length);
  };
  return {
    fitted,
    dispersion,
    degreesOfFreedom,
    seasonFactor,
    get seasonPValue() {
      seasonP ??= seasonTest();
      return seasonP;
    },
  };
}
