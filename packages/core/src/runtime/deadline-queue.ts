/** Something that must give up at its deadline unless it finished first. */
export interface Expirable {
  expire(): void;
}

/** A scheduled deadline. `settle()` marks the work finished; it returns false when the deadline already passed. */
export interface Deadline {
  settle(): boolean;
}

class Entry implements Deadline {
  constructor(
    readonly at: number,
    public target: Expirable | undefined,
    readonly queue: DeadlineQueue,
  ) {}

  settle(): boolean {
    if (this.target === undefined) return false;
    this.target = undefined; // drop the reference at once: finished work is not kept alive until its deadline
    this.queue.finished();
    return true;
  }
}

/**
 * Deadlines that all have the same duration expire in the order they were scheduled, so one FIFO and
 * a single timer serve every request: scheduling is a push, settling clears a field, and the timer
 * only ever points at the oldest entry. No timer or closure per request.
 *
 * The timer keeps the process alive while some work is pending (a script that awaits `receive()` gets
 * its 504 instead of exiting with the promise unsettled), and not once all of it finished, so a
 * server's last request does not hold the process up to the deadline.
 */
export class DeadlineQueue {
  readonly #durationMs: number;
  #entries: Entry[] = [];
  #head = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Entries scheduled and neither settled nor expired. */
  #pending = 0;

  constructor(durationMs: number) {
    this.#durationMs = durationMs;
  }

  schedule(target: Expirable): Deadline {
    const entry = new Entry(performance.now() + this.#durationMs, target, this);
    this.#entries.push(entry);
    if (this.#pending++ === 0 && this.#timer !== undefined) keepAlive(this.#timer, true);
    if (this.#timer === undefined) this.#arm(this.#durationMs);
    return entry;
  }

  /** One entry settled or expired. */
  finished(): void {
    if (--this.#pending === 0 && this.#timer !== undefined) keepAlive(this.#timer, false);
  }

  #arm(delayMs: number) {
    const timer = setTimeout(() => this.#fire(), Math.max(0, Math.ceil(delayMs)));
    keepAlive(timer, this.#pending > 0);
    this.#timer = timer;
  }

  #fire() {
    this.#timer = undefined;
    const now = performance.now();
    const entries = this.#entries;
    let head = this.#head;
    while (head < entries.length) {
      const entry = entries[head] as Entry;
      if (entry.target !== undefined && entry.at > now) break;
      head++;
      const target = entry.target;
      if (target !== undefined) {
        entry.target = undefined;
        this.finished();
        try {
          target.expire();
        } catch {
          // expire() belongs to core and does not throw; a bug there must not stop the other deadlines
        }
      }
    }
    if (head === entries.length) {
      this.#entries = [];
      this.#head = 0;
      return;
    }
    if (head > 1024 && head * 2 > entries.length) {
      this.#entries = entries.slice(head);
      head = 0;
    }
    this.#head = head;
    this.#arm((this.#entries[head] as Entry).at - now);
  }
}

/** ref/unref where timers have them (Node, Bun, Deno); a no-op on runtimes whose timers are numbers. */
function keepAlive(timer: ReturnType<typeof setTimeout>, alive: boolean): void {
  const handle = timer as { ref?: () => void; unref?: () => void };
  if (alive) handle.ref?.();
  else handle.unref?.();
}

const queues = new Map<number, DeadlineQueue>();

/** The shared queue for one duration: receivers with the same timeout share one timer. */
export function deadlineQueue(durationMs: number): DeadlineQueue {
  let queue = queues.get(durationMs);
  if (queue === undefined) {
    queue = new DeadlineQueue(durationMs);
    queues.set(durationMs, queue);
  }
  return queue;
}
