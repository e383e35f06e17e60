import type { Located, RawEvent } from '@authhooks/core';

const expected = 'expected a FusionAuth webhook body {"event": {"type": …, "id": …}}';

/** FusionAuth wraps every event: the wire body is `{"event": {...}}`. */
export function locateEvent(body: unknown): Located {
  if (!isObject(body)) return { problem: `body is not a JSON object; ${expected}` };
  const event = body.event;
  if (!isObject(event)) return { problem: `body has no "event" object; ${expected}` };
  if (typeof event.type !== 'string' || event.type === '') {
    return { problem: `event.type is missing or not a string; ${expected}` };
  }
  return { event, type: event.type };
}

export function eventIdOf(event: RawEvent): string | undefined {
  return typeof event.id === 'string' && event.id !== '' ? event.id : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
