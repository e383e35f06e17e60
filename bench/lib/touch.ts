let handled = 0;

/** What every candidate's handler does: read the user id from the event, so the event must really be there. */
export function touchUserId(id: unknown): void {
  if (typeof id !== 'string' || id.length === 0) throw new Error('the event has no user id');
  handled++;
}

export function handledCount(): number {
  return handled;
}
