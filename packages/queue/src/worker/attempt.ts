import type { AnyHandler } from '@authhooks/core';

/** The attempt ended before its handlers did: they ran past `timeoutMs`, or the worker is closing. */
export class AttemptStopped extends Error {
  override readonly name = 'AttemptStopped';
  constructor(
    message: string,
    readonly why: 'timeout' | 'cancelled' | 'closing',
  ) {
    super(message);
  }
}

/**
 * One run of a job's handlers, in registration order (the first that throws stops the rest), that can be
 * stopped from outside: at `timeoutMs`, when BullMQ cancels the job, or when the worker closes. Stopping
 * aborts `signal` and ends the attempt at once; a handler that ignores the signal runs on unobserved.
 */
export class Attempt {
  readonly #controller = new AbortController();
  readonly #stopped: Promise<never>;
  #stop!: (error: AttemptStopped) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A handler's failure after the attempt was stopped: logged, it changes nothing. */
  lateFailure: ((error: unknown) => void) | undefined;

  constructor(timeoutMs: number | false, cancelled: AbortSignal | undefined) {
    this.#stopped = new Promise<never>((_, reject) => {
      this.#stop = reject;
    });
    this.#stopped.catch(() => {});
    if (timeoutMs !== false) {
      this.#timer = setTimeout(
        () => this.stop(new AttemptStopped(`the handlers did not finish within ${timeoutMs} ms`, 'timeout')),
        timeoutMs,
      );
    }
    if (cancelled !== undefined) {
      const onCancel = () =>
        this.stop(new AttemptStopped(`the job was cancelled (${String(cancelled.reason)})`, 'cancelled'));
      if (cancelled.aborted) onCancel();
      else cancelled.addEventListener('abort', onCancel, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  stop(reason: AttemptStopped): void {
    if (this.#controller.signal.aborted) return;
    this.#controller.abort(reason);
    this.#stop(reason);
  }

  async run(handlers: readonly AnyHandler[], event: unknown, ctx: object): Promise<void> {
    const work = (async () => {
      for (const handler of handlers) {
        if (this.#controller.signal.aborted) return;
        await handler(event, ctx);
      }
    })();
    try {
      await Promise.race([work, this.#stopped]);
    } catch (error) {
      if (this.#controller.signal.aborted && error !== this.#controller.signal.reason) {
        // The handler failed after the attempt had been stopped; the stop is what counts.
        throw this.#controller.signal.reason;
      }
      throw error;
    } finally {
      clearTimeout(this.#timer);
      work.catch((error: unknown) => {
        if (this.#controller.signal.aborted && error !== this.#controller.signal.reason)
          this.lateFailure?.(error);
      });
    }
  }
}
