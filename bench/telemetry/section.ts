import { runToResult } from '../lib/children.js';
import { fixed, ratio } from '../lib/format.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { median } from '../lib/stats.js';
import type { TelemetryChildResult } from './child.js';
import { setupLabels, type TelemetrySetup, telemetrySetups } from './setups.js';

/**
 * Section 10 (issue 20): what OpenTelemetry costs a delivery, in-process (`receive()` of the 1.3 KB
 * user.update docs fixture): off, the API absent, the API without an SDK, and the SDK recording every
 * span and metric. Each setup in a process of its own (the API's registration is global), rounds in
 * alternating order, the median kept.
 */
export async function telemetrySection({ quick }: SectionContext): Promise<SectionReport> {
  const rounds = quick ? 1 : 5;
  const samples = new Map<TelemetrySetup, number[]>(telemetrySetups.map((setup) => [setup, []]));
  const failures: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? telemetrySetups : [...telemetrySetups].reverse();
    for (const setup of order) {
      const result = await runToResult<TelemetryChildResult>(new URL('./child.ts', import.meta.url), [
        setup,
        quick ? 'quick' : 'full',
      ]);
      failures.push(...result.failures);
      samples.get(setup)?.push(result.us);
    }
  }
  const baseline = median(samples.get('off') ?? []);
  return {
    tables: [
      {
        title: 'OpenTelemetry: cost per delivery, in-process receive() (user.update, 1.3 KB)',
        columns: ['setup', 'µs per delivery', 'vs telemetry: false', 'rounds (µs)'],
        rows: telemetrySetups.map((setup) => {
          const us = samples.get(setup) ?? [];
          return [
            setupLabels[setup],
            fixed(median(us)),
            ratio(baseline / median(us)),
            us.map((one) => fixed(one)).join(' '),
          ];
        }),
        notes: [
          'µs: tinybench mean per delivery in a process of its own, median of the rounds (order alternated). ' +
            'vs telemetry: false: its µs ÷ this µs (1.00× = as fast as with telemetry off).',
        ],
      },
    ],
    failures,
  };
}
