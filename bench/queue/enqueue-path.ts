import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';

/**
 * Slot for issue 10, not implemented yet: the queue enqueue path (`@authhooks/queue`'s
 * `.enqueue(selector, queue)`: verify, validate, add a BullMQ job, answer 2xx once Redis has it)
 * over HTTP against a hand-written route that adds the job with BullMQ directly, against a real
 * local Redis. When the queue package lands, measure it here with `measureServers` like the
 * signature section, and keep this file the one place for it.
 */
export async function queueEnqueueSection(_context: SectionContext): Promise<SectionReport> {
  return {
    tables: [
      {
        title: 'Queue enqueue path (issue 10)',
        columns: ['candidate', 'status'],
        rows: [['@authhooks/queue .enqueue() vs BullMQ by hand', 'not measured yet: waits for issue 10']],
      },
    ],
    failures: [],
  };
}
