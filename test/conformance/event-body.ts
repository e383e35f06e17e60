/** The user every event carries unless a test says otherwise. */
export const defaultUser = Object.freeze({ id: 'user-1', email: 'ada@example.com' });

/**
 * The one builder of FusionAuth-shaped webhook bodies, as the wire text:
 * `{"event":{"type":…,"id":…,"user":{…},…fields}}`. Every call gets a fresh UUID as its id unless
 * `fields.id` is given. `fields` are merged over the defaults at the top level of the event; a field
 * set to `undefined` is left out, so `{ user: undefined }` sends no user at all.
 */
export function eventBody(type: string, fields: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({ event: { type, id: crypto.randomUUID(), user: defaultUser, ...fields } });
}
