/** Runs `fn` repeatedly for about `ms` after a warm-up and returns operations per second. */
export async function opsPerSecond(fn: () => Promise<unknown>, ms = 1500): Promise<number> {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) await fn();
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) await fn();
    count += 50;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

/** Interleaves the candidates over several rounds so a noisy neighbour hits all of them alike; returns medians. */
export async function sideBySide(
  candidates: Record<string, () => Promise<unknown>>,
  rounds = 5,
  ms = 800,
): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(candidates)) {
      const list = samples[name] ?? [];
      list.push(await opsPerSecond(fn, ms));
      samples[name] = list;
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
