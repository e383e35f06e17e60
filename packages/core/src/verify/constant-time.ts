const encoder = new TextEncoder();

/**
 * Compares two byte strings without leaking where they differ or how long the expected one is:
 * both sides are hashed to 32 bytes first, then compared with a branch-free loop.
 */
export async function timingSafeEqual(a: Uint8Array | string, b: Uint8Array | string): Promise<boolean> {
  const [left, right] = await Promise.all([sha256(a), sha256(b)]);
  let diff = 0;
  for (let i = 0; i < left.length; i++) diff |= (left[i] as number) ^ (right[i] as number);
  return diff === 0;
}

/** True when `actual` equals any of `candidates`; every candidate is compared, so timing does not reveal which. */
export async function matchesAny(actual: string | Uint8Array, candidates: readonly (string | Uint8Array)[]) {
  const results = await Promise.all(candidates.map((candidate) => timingSafeEqual(actual, candidate)));
  return results.includes(true);
}

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}
