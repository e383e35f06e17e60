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
