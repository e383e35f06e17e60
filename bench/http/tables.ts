import { fixed, integer, ratio } from '../lib/format.js';
import type { Table } from '../lib/report.js';
import { median } from '../lib/stats.js';
import type { Comparison, ServerCandidate } from './candidate.js';
import type { HttpMeasurements } from './measure.js';

/** Every candidate's median req/s and latency over the rounds. */
export function candidatesTable(
  title: string,
  candidates: readonly ServerCandidate[],
  { results }: HttpMeasurements,
): Table {
  return {
    title,
    columns: ['candidate', 'id', 'req/s', 'p50 ms', 'p99 ms'],
    rows: candidates.map((candidate) => {
      const rounds = results.get(candidate.id) ?? [];
      return [
        candidate.label,
        candidate.id,
        integer(median(rounds.map((r) => r.requestsPerSecond))),
        fixed(median(rounds.map((r) => r.latencyP50Ms))),
        fixed(median(rounds.map((r) => r.latencyP99Ms))),
      ];
    }),
  };
}

/** Each comparison's ratio: per round subject req/s ÷ baseline req/s (measured minutes apart at most), median over rounds. */
export function ratiosTable(
  title: string,
  comparisons: readonly Comparison[],
  { results }: HttpMeasurements,
): Table {
  const rows = comparisons.map((comparison) => {
    const subject = results.get(comparison.subject) ?? [];
    const baseline = results.get(comparison.baseline) ?? [];
    const perRound = subject.flatMap((s, i) => {
      const b = baseline[i];
      return b === undefined ? [] : [s.requestsPerSecond / b.requestsPerSecond];
    });
    return [
      comparison.label,
      integer(median(subject.map((r) => r.requestsPerSecond))),
      integer(median(baseline.map((r) => r.requestsPerSecond))),
      ratio(median(perRound)),
      perRound.map((value) => value.toFixed(2)).join(' '),
    ];
  });
  return {
    title,
    columns: ['comparison', 'authhooks req/s', 'baseline req/s', 'ratio', 'per round'],
    rows,
    notes: [
      'ratio: authhooks req/s ÷ baseline req/s in the same round, median over rounds (1.00× = as fast).',
    ],
  };
}
