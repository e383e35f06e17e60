/**
 * Closes the worker on the first of `signals`; a second one while closing stops running jobs at once.
 * Once closed, the signal is raised again if nothing else listens for it, so the process ends as it
 * would have without the worker (a process with its own handler keeps control of its exit).
 */
export function closeOnSignals(
  signals: readonly NodeJS.Signals[],
  close: () => Promise<void>,
  hurry: () => void,
): () => void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return hurry();
    closing = true;
    close().finally(() => {
      remove();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const remove = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return remove;
}
