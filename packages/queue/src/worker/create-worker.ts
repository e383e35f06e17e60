import {
  type AnyHandler,
  anySelector,
  childLogger,
  consoleLogger,
  describeError,
  type EventCatalog,
  type EventMap,
  type Logger,
  loadOpenTelemetry,
  Router,
  safeLog,
} from '@authhooks/core';
import { type Job, UnrecoverableError, WaitingError, type Worker } from 'bullmq';
import type { BullSide } from '../backend.js';
import { wholeNumber } from '../options.js';
import { maxAttempts } from '../retry-policy.js';
import { TolerantWorker } from '../tolerant-job.js';
import { internalsOf, type WebhookQueue } from '../webhook-queue.js';
import { Attempt, AttemptStopped } from './attempt.js';
import { backoffDelay } from './backoff.js';
import { jobContextClass } from './context.js';
import { countJob, JobTrace } from './job-trace.js';
import { type ReadJob, readJob } from './read-job.js';
import { closeOnSignals } from './shutdown.js';
import type { QueueWorker, WorkerErrorHandler, WorkerFailure, WorkerOptions } from './types.js';

const maxTimerMs = 2 ** 31 - 1;

/**
 * Runs the jobs of a `webhookQueue` with the same typed handlers as a receiver:
 *
 *   await createWorker(queue, { events: fusionAuthEvents })
 *     .on('user.delete', async (event, ctx) => { … })
 *     .start();
 */
export function createWorker<TMap extends EventMap, TExtra extends object>(
  queue: WebhookQueue,
  options: WorkerOptions<TMap, TExtra>,
): QueueWorker<TMap, TExtra> {
  const { backend, logger: queueLogger, signer } = internalsOf(queue);
  const settings = checkOptions(options);
  const catalog = options.events as unknown as EventCatalog<EventMap, object>;
  const logger: Logger =
    options.logger ??
    queueLogger.child?.({ provider: catalog.name }) ??
    consoleLogger({ bindings: { queue: queue.name } });
  const aliases: Readonly<Record<string, string>> = catalog.aliases ?? {};
  const router = new Router((type) => aliases[type] ?? type);
  const errorHandlers: WorkerErrorHandler[] = [];
  const Context = jobContextClass(catalog.context);
  const reading = { catalog, validation: settings.validation, signer };
  const running = new Set<{ readonly attempt: Attempt }>();
  const errors = throttledLog(logger);
  let bullmq: Worker | undefined;
  let side: BullSide | undefined;
  let closing: Promise<void> | undefined;
  let removeSignalHandlers: (() => void) | undefined;

  const stopAll = (why: string) => {
    for (const run of running) run.attempt.stop(new AttemptStopped(why, 'closing'));
  };

  const processJob = async (job: Job, token: string | undefined, cancelled?: AbortSignal) => {
    // Only the first jobs of a process wait, while it finds out whether OpenTelemetry is installed.
    const loading = loadOpenTelemetry();
    if (loading !== undefined) await loading;
    const jobId = String(job.id);
    const attemptNumber = job.attemptsMade + 1;
    let read: ReadJob;
    try {
      read = readJob(job.data, jobId, job.timestamp, reading);
    } catch (error) {
      safeLog(
        logger,
        'error',
        { jobId, err: describeError(error) },
        'job failed for good: it cannot be read',
      );
      countJob(catalog.name, undefined, queue.name, 'dead_lettered');
      throw error;
    }
    const handlers = router.match(read.type, read.known);
    if (handlers.length === 0) {
      const error = new UnrecoverableError(
        `no handler for ${read.type} on this worker: register one (.on('${read.type}', …)), then re-drive the job ` +
          `(queue.retry('${jobId}') or authhooks queue retry ${jobId})`,
      );
      safeLog(logger, 'error', { jobId, eventId: read.id, eventType: read.type }, error.message);
      countJob(read.provider, read.type, queue.name, 'dead_lettered');
      throw error;
    }
    const attempt = new Attempt(settings.timeoutMs, cancelled);
    const run = { attempt };
    running.add(run);
    const trace = JobTrace.begin({
      queue: queue.name,
      jobId,
      attempt: attemptNumber,
      provider: read.provider,
      type: read.type,
      eventId: read.id,
      carrier: (job.data as { trace?: unknown } | null)?.trace,
    });
    const traced = trace?.logFields();
    const ctx = new Context(
      read,
      attemptNumber,
      jobId,
      attempt.signal,
      traced === undefined ? logger : childLogger(logger, traced),
    );
    attempt.lateFailure = (error) =>
      safeLog(
        logger,
        'warn',
        { jobId, eventId: read.id, eventType: read.type, err: describeError(error) },
        'a handler failed after its attempt had ended',
      );
    try {
      await (trace === undefined
        ? attempt.run(handlers, read.event, ctx)
        : trace.run(() => attempt.run(handlers, read.event, ctx)));
      trace?.finish('completed');
    } catch (error) {
      if (error instanceof AttemptStopped && error.why === 'closing' && (await putBack(job, token))) {
        trace?.finish('retried', error);
        throw new WaitingError(); // back to waiting without using up an attempt
      }
      const willRetry = attemptNumber < settings.attempts && !(error instanceof UnrecoverableError);
      trace?.finish(willRetry ? 'retried' : 'dead_lettered', error);
      reportFailure({
        error,
        event: read.event,
        eventId: read.id,
        eventType: read.type,
        jobId,
        attempt: attemptNumber,
        willRetry,
      });
      throw asError(error);
    } finally {
      running.delete(run);
    }
  };

  const putBack = async (job: Job, token: string | undefined): Promise<boolean> => {
    try {
      await job.moveToWait(token);
      return true;
    } catch {
      return false; // Redis is gone: the lock expires and the stalled check puts it back
    }
  };

  const reportFailure = (failure: WorkerFailure) => {
    const { jobId, eventId, eventType, attempt, willRetry } = failure;
    safeLog(
      logger,
      willRetry ? 'warn' : 'error',
      { jobId, eventId, eventType, attempt, err: describeError(failure.error) },
      willRetry
        ? `attempt ${attempt} of ${settings.attempts} failed; retrying after a backoff`
        : `attempt ${attempt} failed; the job is in the dead-letter set (queue.failed(), authhooks queue failed)`,
    );
    for (const handler of errorHandlers) {
      Promise.resolve()
        .then(() => handler(failure))
        .catch((error: unknown) =>
          safeLog(logger, 'warn', { jobId, err: describeError(error) }, 'an onError handler failed'),
        );
    }
  };

  const worker: QueueWorker<TMap, TExtra> = {
    get bullmq() {
      return bullmq;
    },
    on(selector, handler) {
      for (const one of toList(selector)) router.add(one, handler as AnyHandler);
      return worker;
    },
    onAny(handler) {
      router.add(anySelector, handler as AnyHandler);
      return worker;
    },
    onError(handler) {
      if (typeof handler !== 'function') throw new TypeError('@authhooks/queue: onError needs a function.');
      errorHandlers.push(handler as WorkerErrorHandler);
      return worker;
    },
    off(selector, handler) {
      if (selector === 'error') {
        const index = errorHandlers.lastIndexOf(handler as WorkerErrorHandler);
        if (index >= 0) errorHandlers.splice(index, 1);
        return worker;
      }
      for (const one of toList(selector)) router.remove(one, handler as AnyHandler);
      return worker;
    },
    async start() {
      if (closing !== undefined)
        throw new Error(`@authhooks/queue: this worker of queue ${queue.name} is closed`);
      if (bullmq === undefined) {
        side = backend.worker();
        bullmq = new TolerantWorker(
          queue.name,
          processJob,
          {
            ...options.bullmq,
            ...side.options,
            connection: side.options.connection as never,
            autorun: false,
            concurrency: settings.concurrency,
            settings: {
              backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) =>
                attemptsMade >= settings.attempts ? -1 : settings.delay(attemptsMade, error),
            },
          },
          side.factory as never, // undefined: Redis, BullMQ's default backend
        );
        bullmq.on('error', errors);
        bullmq.on('stalled', (jobId) =>
          safeLog(logger, 'warn', { jobId }, 'a job stalled (its worker stopped): it is back in the queue'),
        );
        bullmq.run().catch((error: unknown) => {
          safeLog(logger, 'error', { err: describeError(error) }, 'the worker stopped taking jobs');
        });
        if (settings.shutdownSignals.length > 0) {
          removeSignalHandlers = closeOnSignals(settings.shutdownSignals, worker.close, () =>
            stopAll('stopped by a second signal'),
          );
        }
      }
      await bullmq.waitUntilReady();
      return worker;
    },
    close() {
      closing ??= (async () => {
        removeSignalHandlers?.();
        if (bullmq === undefined) return;
        const timer = setTimeout(() => stopAll('the worker is closing'), settings.shutdownTimeoutMs);
        try {
          await bullmq.close();
        } finally {
          clearTimeout(timer);
          side?.close();
        }
      })();
      return closing;
    },
  };
  return worker;
}

function checkOptions<TMap extends EventMap, TExtra extends object>(options: WorkerOptions<TMap, TExtra>) {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      '@authhooks/queue: createWorker takes the queue and options: createWorker(queue, { events: fusionAuthEvents }).',
    );
  }
  const events = options.events as unknown as Partial<EventCatalog> | undefined;
  if (
    typeof events !== 'object' ||
    events === null ||
    typeof events.name !== 'string' ||
    typeof events.schemas !== 'object'
  ) {
    throw new TypeError(
      "@authhooks/queue: createWorker needs the provider's events: { events: fusionAuthEvents } from @authhooks/fusionauth " +
        '(or logtoEvents from @authhooks/logto).',
    );
  }
  const validation = options.validation ?? 'lenient';
  if (validation !== 'lenient' && validation !== 'strict') {
    throw new TypeError(
      `@authhooks/queue: validation must be 'lenient' or 'strict', got ${String(validation)}.`,
    );
  }
  const signals = options.shutdownSignals ?? ['SIGTERM', 'SIGINT'];
  if (signals !== false && !Array.isArray(signals)) {
    throw new TypeError(
      "@authhooks/queue: shutdownSignals is a list of signals (['SIGTERM', 'SIGINT']) or false.",
    );
  }
  return {
    attempts: wholeNumber('attempts', options.attempts ?? 5, 1, maxAttempts),
    concurrency: wholeNumber('concurrency', options.concurrency ?? 1, 1, 10_000),
    timeoutMs:
      options.timeoutMs === false
        ? (false as const)
        : wholeNumber('timeoutMs', options.timeoutMs ?? 30_000, 1, maxTimerMs, ' of ms'),
    shutdownTimeoutMs: wholeNumber(
      'shutdownTimeoutMs',
      options.shutdownTimeoutMs ?? 10_000,
      0,
      maxTimerMs,
      ' of ms',
    ),
    delay: backoffDelay(options.backoff),
    validation,
    shutdownSignals: signals === false ? [] : signals,
  } as const;
}

/** BullMQ keeps an error's message as the job's `failedReason`: a thrown non-Error still gets one. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const { name, message } = describeError(error);
  return Object.assign(new Error(message), { name });
}

/** Worker errors come once per fetch while Redis is down: log the first, then at most one every 30 s. */
function throttledLog(logger: Logger): (error: unknown) => void {
  let last = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < 30_000) return;
    last = now;
    safeLog(logger, 'warn', { err: describeError(error) }, 'the worker cannot reach Redis (retrying)');
  };
}

function toList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
