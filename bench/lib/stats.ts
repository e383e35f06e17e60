/** The middle value (the lower middle for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Runs `fn` for every round, in the given order on even rounds and reversed on odd ones, so drift hits all alike. */
export async function alternating<T>(
  items: readonly T[],
  rounds: number,
  fn: (item: T, round: number) => Promise<void>,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? items : [...items].reverse();
    for (const item of order) await fn(item, round);
  }
}

/** A least-squares line through (x, y) points: the slope, its standard error and the intercept. */
export function linearFit(points: readonly (readonly [number, number])[]): {
  slope: number;
  slopeError: number;
  intercept: number;
} {
  const n = points.length;
  if (n < 3) return { slope: Number.NaN, slopeError: Number.NaN, intercept: Number.NaN };
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of points) {
    sumX += x;
    sumY += y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let residuals = 0;
  for (const [x, y] of points) residuals += (y - (intercept + slope * x)) ** 2;
  return { slope, slopeError: Math.sqrt(residuals / (n - 2) / sxx), intercept };
}
