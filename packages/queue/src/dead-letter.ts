import type { Job } from 'bullmq';

/** A job that failed for good: it exhausted its attempts or could never succeed (invalid, no handler). */
export interface DeadLetter {
  /** The job id, for `retry(id)` and `authhooks queue retry <id>`. */
  readonly id: string;
  readonly provider: string | undefined;
  readonly eventId: string | undefined;
  readonly eventType: string;
  /** The last attempt's error message. */
  readonly error: string;
  /** How many attempts ran (stalled runs that never finished are not counted). */
  readonly attempts: number;
  readonly failedAt: Date | undefined;
  /** When the receiver accepted the delivery. */
  readonly receivedAt: Date | undefined;
}

export function deadLetterOf(job: Job): DeadLetter {
  const data = (typeof job.data === 'object' && job.data !== null ? job.data : {}) as Record<string, unknown>;
  return {
    id: String(job.id),
    provider: typeof data.provider === 'string' ? data.provider : undefined,
    eventId: typeof data.id === 'string' ? data.id : undefined,
    eventType: job.name,
    error: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: typeof job.finishedOn === 'number' ? new Date(job.finishedOn) : undefined,
    receivedAt: typeof data.receivedAt === 'number' ? new Date(data.receivedAt) : undefined,
  };
}
