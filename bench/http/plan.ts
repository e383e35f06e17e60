import type { LoadPlan } from './measure.js';

/** Full: three rounds of 5 s after 2 s of warm-up per server start. Quick: a touch of load per candidate. */
export function loadPlan(quick: boolean): LoadPlan {
  return quick ? { rounds: 1, warmSeconds: 0, seconds: 0.5 } : { rounds: 3, warmSeconds: 2, seconds: 5 };
}
