import type { Delivery } from '../delivery.js';
import { toHex } from '../encoding.js';
import { safeLog } from '../logger.js';
import { parseJson } from '../parse/json.js';
import { type ValidationMode, validate } from '../parse/validate.js';
import type { EventMap, Provider } from '../provider.js';
import type { Schema } from '../schema/schema.js';
import { digest } from '../verify/digest.js';

export interface EventParsing {
  readonly provider: Provider<EventMap, object>;
  readonly schemas: Readonly<Record<string, Schema<unknown>>>;
  readonly aliases: Readonly<Record<string, string>>;
  readonly validation: ValidationMode;
  /** `type path` pairs already warned about: schema drift is logged once, not per delivery. */
  readonly warned: Set<string>;
}

export function eventParsing(provider: Provider<EventMap, object>, validation: ValidationMode): EventParsing {
  return {
    provider,
    schemas: provider.schemas as Readonly<Record<string, Schema<unknown>>>,
    aliases: provider.aliases ?? {},
    validation,
    warned: new Set(),
  };
}

/**
 * The longest event type and id accepted. Real ones are far shorter (FusionAuth's longest type has 40
 * characters, its ids are UUIDs; Logto's ids are 64 hex digits); longer ones would be cached by the
 * router and repeated in every answer and log line of the delivery.
 */
export const maxTypeLength = 200;
export const maxIdLength = 200;

/**
 * JSON → the provider's event → canonical type → id → filters → schema. The id and type are on the
 * delivery before any filter or schema can end it, so every answer after this point names them.
 */
export function parseEvent(delivery: Delivery, parsing: EventParsing): void | Promise<void> {
  if (!delivery.reserialised) {
    const json = parseJson(delivery.rawBody);
    if (!json.ok) return void delivery.end('bad_request', json.reason);
    delivery.json = json.value;
  }
  const located = parsing.provider.locate(delivery.json);
  if ('problem' in located) return void delivery.end('bad_request', located.problem);
  if (located.type.length > maxTypeLength) {
    return void delivery.end('bad_request', `event type longer than ${maxTypeLength} characters`);
  }
  const type = Object.hasOwn(parsing.aliases, located.type)
    ? (parsing.aliases[located.type] as string)
    : located.type;
  delivery.type = type;
  delivery.rawEvent = located.event;
  const id = parsing.provider.eventId(located.event, delivery.bytes());
  if (id instanceof Promise) return id.then((resolved) => finish(delivery, parsing, resolved));
  return finish(delivery, parsing, id);
}

function finish(delivery: Delivery, parsing: EventParsing, id: string | undefined): void | Promise<void> {
  if (id !== undefined && id.length > maxIdLength) {
    return void delivery.end('bad_request', `event id longer than ${maxIdLength} characters`);
  }
  if (id === undefined) {
    // No id of its own (an unknown type, a provider without ids): the body's hash identifies it.
    const hashed = bodyHash(delivery);
    if (typeof hashed !== 'string') return hashed.then((hex) => finish(delivery, parsing, hex));
    return finish(delivery, parsing, hashed);
  }
  delivery.id = id;
  const type = delivery.type as string;
  const event = delivery.rawEvent as NonNullable<Delivery['rawEvent']>;
  const excluded = parsing.provider.exclude?.(event, type);
  if (excluded !== undefined) return void delivery.end('ignored', excluded);

  const schema = Object.hasOwn(parsing.schemas, type) ? parsing.schemas[type] : undefined;
  if (schema === undefined) {
    delivery.event = event;
    return;
  }
  const result = validate(schema, event, type, parsing.validation);
  if (!result.ok) return void delivery.end('bad_request', result.reason);
  delivery.known = true;
  delivery.event = result.value;
  if (result.issues.length > 0) {
    delivery.schemaIssues = result.issues;
    warnOnce(parsing, delivery, result.issues);
  }
}

function bodyHash(delivery: Delivery): string | Promise<string> {
  const hash = digest('SHA-256', delivery.bytes());
  return hash instanceof Uint8Array ? toHex(hash) : hash.then(toHex);
}

function warnOnce(parsing: EventParsing, delivery: Delivery, issues: Delivery['schemaIssues']): void {
  const type = delivery.type as string;
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = `${type} ${path}`;
    if (parsing.warned.has(key) || parsing.warned.size >= 10_000) continue;
    parsing.warned.add(key);
    safeLog(
      delivery.logger,
      'warn',
      { eventType: type, path, reason: issue.message },
      `a ${type} field did not match its schema and was left out of the typed event (see ctx.schemaIssues and ctx.rawEvent); ` +
        "the provider may have changed it. validation: 'strict' refuses such events instead",
    );
  }
}
