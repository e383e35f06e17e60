import { runToResult } from '../lib/children.js';
import { fixed, integer, ratio } from '../lib/format.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import type { InProcessResult } from './child.js';

/** Section 3: `receive()` per event family against the hand-written equivalent, in a process of its own. */
export async function inProcessSection({ quick }: SectionContext): Promise<SectionReport> {
  const { rows, failures } = await runToResult<InProcessResult>(new URL('./child.ts', import.meta.url), [
    quick ? 'quick' : 'full',
  ]);
  return {
    tables: [
      {
        title: 'In-process: receive() ÷ hand-written (JSON.parse + the same check + the handler)',
        columns: [
          'family',
          'event',
          'body',
          'authhooks µs',
          'hand-written µs',
          'ratio',
          'authhooks events/s',
          'hand-written check',
        ],
        rows: rows.map((row) => [
          row.family,
          row.eventType,
          `${row.bodyBytes} B`,
          fixed(row.authhooksUs),
          fixed(row.handWrittenUs),
          ratio(row.handWrittenUs / row.authhooksUs),
          integer(1e6 / row.authhooksUs),
          row.handWrittenCheck,
        ]),
        notes: [
          'µs: tinybench mean per event, median of 3 rounds (order alternated). ratio: hand-written µs ÷ authhooks µs ' +
            '(authhooks speed relative to the hand-written route; 1.00× = as fast).',
        ],
      },
    ],
    failures,
  };
}
