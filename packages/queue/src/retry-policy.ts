/**
 * Retries are the worker's decision (`createWorker(queue, { attempts, backoff })`), not the producer's:
 * every job is added with this ceiling of attempts and this backoff type, and the worker's backoff
 * strategy (registered with BullMQ under this type) answers "retry after N ms" or "no more" (-1).
 */
export const backoffType = 'authhooks';

/** The most attempts a worker may allow; jobs carry it so that BullMQ never stops retrying first. */
export const maxAttempts = 1_000;
