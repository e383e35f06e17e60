export type DeadlineResult =
  | { readonly timedOut: false }
  | { readonly timedOut: true; readonly late: Promise<unknown> };

/**
 * Runs `work` with a deadline. When it passes, `controller` is aborted and the caller answers at
 * once; the work cannot be killed, so its eventual settlement is handed back as `late`.
 */
export async function withDeadline(
  work: Promise<unknown>,
  timeoutMs: number | false,
  controller: AbortController,
): Promise<DeadlineResult> {
  if (timeoutMs === false) {
    await work;
    return { timedOut: false };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const winner = await Promise.race([work.then(() => 'done' as const), deadline]);
    if (winner === 'done') return { timedOut: false };
    controller.abort(new DOMException(`handlers exceeded the ${timeoutMs} ms deadline`, 'TimeoutError'));
    return { timedOut: true, late: work };
  } finally {
    clearTimeout(timer);
  }
}
