import type { Settlement, Verdict } from './types.js';

/**
 * Waiting copies across instances, for stores whose backing service can broadcast (Redis PUBLISH,
 * Postgres NOTIFY). The store sends `settlementMessage(key, …)` in the same atomic step as each change;
 * a copy that waits opens the store's listener (one per store, open only while someone waits), then
 * checks the key once, so a message sent before it listened is not missed. A slow re-check catches
 * what sends no message: a lease that ran out after a crash.
 */
export interface SettledHub {
  wait(key: string, signal: AbortSignal): Promise<Settlement>;
}

/** One listening connection. `broken` turns true when it can no longer receive (it is then reopened). */
export interface SettledListener {
  close(): void;
  readonly broken?: boolean;
}

export interface SettledSource {
  /** Opens the listener; resolves undefined when the store cannot listen (the waiters then re-check often). */
  listen(onMessage: (message: string) => void): Promise<SettledListener | undefined>;
  /** Where the key stands now. */
  check(key: string): Promise<'free' | 'handled' | 'held'>;
}

const recheckMs = 1_000;
/** Without a listener (a client that cannot open one, or a failed attempt): re-check more often. */
const unlistenedRecheckMs = 100;

/** The text a store broadcasts when `key` settles. */
export function settlementMessage(key: string, settlement: Settlement): string {
  return `${key}\n${JSON.stringify(settlement)}`;
}

export function settledHub(source: SettledSource): SettledHub {
  const waiters = new Map<string, Set<(settlement: Settlement) => void>>();
  let listening: Promise<SettledListener | undefined> | undefined;
  let count = 0;

  const onMessage = (received: unknown) => {
    const text = String(received);
    const newline = text.indexOf('\n');
    if (newline < 0) return;
    const waiting = waiters.get(text.slice(0, newline));
    if (waiting === undefined) return;
    let settlement: Settlement;
    try {
      settlement = parseSettlement(JSON.parse(text.slice(newline + 1)));
    } catch {
      return;
    }
    for (const wake of [...waiting]) wake(settlement);
  };

  const listener = async () => {
    const current = await listening;
    if (listening !== undefined && current?.broken === true) {
      current.close();
      listening = undefined;
    }
    listening ??= source.listen(onMessage).catch(() => undefined);
    return listening;
  };

  const leave = () => {
    count--;
    if (count > 0 || listening === undefined) return;
    const closing = listening;
    listening = undefined;
    void closing.then((opened) => opened?.close());
  };

  const check = async (key: string): Promise<Settlement | undefined> => {
    const state = await source.check(key);
    if (state === 'handled') return { state: 'handled' };
    if (state === 'free') return { state: 'released' };
    return undefined;
  };

  return {
    wait(key, signal) {
      if (signal.aborted) return Promise.resolve({ state: 'in_progress' });
      count++;
      return new Promise<Settlement>((resolve, reject) => {
        let done = false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finish = (settlement: Settlement | Error) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          const waiting = waiters.get(key);
          waiting?.delete(finish);
          if (waiting?.size === 0) waiters.delete(key);
          leave();
          if (settlement instanceof Error) reject(settlement);
          else resolve(settlement);
        };
        const onAbort = () => finish({ state: 'in_progress' });
        signal.addEventListener('abort', onAbort, { once: true });
        const waiting = waiters.get(key) ?? new Set();
        waiters.set(key, waiting);
        waiting.add(finish);

        const recheck = (everyMs: number) => {
          if (done) return;
          check(key).then(
            (settlement) => {
              if (settlement !== undefined) return finish(settlement);
              if (!done) timer = setTimeout(() => recheck(everyMs), everyMs);
            },
            (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
          );
        };
        void listener().then((opened) => recheck(opened === undefined ? unlistenedRecheckMs : recheckMs));
      });
    },
  };
}

function parseSettlement(value: unknown): Settlement {
  const { state, verdict } = value as { state?: unknown; verdict?: Verdict };
  if (state === 'handled') return { state: 'handled' };
  if (state === 'released') {
    if (verdict === undefined || typeof verdict?.error !== 'string') return { state: 'released' };
    const status = typeof verdict.status === 'number' ? verdict.status : undefined;
    return { state: 'released', verdict: { status, error: verdict.error } };
  }
  throw new Error('not a settlement');
}
