/**
 * One job per provider and event id, so a duplicate delivery or a provider's retry adds nothing.
 *
 * BullMQ refuses `:` in a custom job id (it is its key separator; only a legacy three-part form is let
 * through) and ids that read as integers. So the id is `<provider>.<event id>` with `%`, `:` and `.`
 * percent-encoded in both parts: always one `.`, never an integer, and no two events share an id.
 */
export function jobIdOf(provider: string, eventId: string): string {
  return `${encodePart(provider)}.${encodePart(eventId)}`;
}

/**
 * A job id as given on a command line or to `retry()`: a job id as listed (`fusionauth.7a3d…`), or the
 * event as `<provider>:<event id>` (`fusionauth:7a3d…`), which no job id contains.
 */
export function toJobId(reference: string): string {
  const colon = reference.indexOf(':');
  if (colon <= 0) return reference;
  return jobIdOf(reference.slice(0, colon), reference.slice(colon + 1));
}

function encodePart(text: string): string {
  return text.replace(/[%:.]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
