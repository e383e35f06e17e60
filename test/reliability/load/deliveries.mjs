/**
 * The bodies the load sends, in order: each a `user.delete` with a new id `load-<n>`, except every 50th,
 * which repeats the id sent 200 deliveries earlier in the same phase (long answered, so the store knows
 * it as handled; across phases the store's TTL may have forgotten it). Counts the answers' outcomes.
 */
export function deliveries({ duplicateEvery = 50, duplicateLag = 200 } = {}) {
  let unique = 0;
  let position = 0;
  let phaseStart = 0;
  const answered = { handled: 0, duplicate: 0 };
  const body = (n) =>
    `{"event":{"type":"user.delete","id":"load-${n}","createInstant":1700000000000,"user":{"id":"u-${n % 1000}","email":"user${n % 1000}@example.com"}}}`;
  return {
    answered,
    unexpected: 0,
    duplicatesSent: 0,
    counts() {
      return { ...answered, duplicatesSent: this.duplicatesSent };
    },
    /** Later deliveries repeat only ids sent from now on. */
    newPhase() {
      phaseStart = unique;
    },
    next() {
      position++;
      if (position % duplicateEvery === 0 && unique - duplicateLag >= phaseStart) {
        this.duplicatesSent++;
        return body(unique - duplicateLag);
      }
      return body(unique++);
    },
    answer(status, text) {
      if (status !== 200) return void this.unexpected++;
      const outcome = /"outcome":"([a-z_]+)"/.exec(text)?.[1];
      if (outcome === 'handled' || outcome === 'duplicate') answered[outcome]++;
      else this.unexpected++;
    },
  };
}
