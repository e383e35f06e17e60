import type { ZodType } from 'zod';
import { PayloadTooLargeError, WebhookError } from '../errors.js';
import { type BodyInput, declaredLength, isParsedBody, rawBytes } from '../http/body.js';
import { isJsonContentType } from '../http/content-type.js';
import { type HeaderReader, type HeadersInput, readHeaders } from '../http/headers.js';
import { parseJson } from '../parse/json.js';
import { validate } from '../parse/validate.js';
import type { EventMap, Provider } from '../provider.js';
import { sha256Hex } from '../verify/constant-time.js';
import type { BodyVerifier, HeaderVerifier, VerificationResult } from '../verify/types.js';

export interface ReceiveInput {
  readonly method: string;
  readonly headers: HeadersInput;
  readonly body: BodyInput;
}

/** A delivery that passed every check: authentic, well-formed, validated when its type is known. */
export interface VerifiedEvent<TEvent = unknown> {
  /** Canonical type (aliases resolved). */
  readonly type: string;
  /** Idempotency key: the provider's event id, or derived from the body when it sends none. */
  readonly id: string;
  readonly event: TEvent;
  /** False for a type the provider does not know yet: `event` is then the unvalidated object. */
  readonly known: boolean;
  readonly rawBody: Uint8Array;
  readonly headers: HeaderReader;
}

export interface Checks {
  readonly provider: Provider<EventMap, object>;
  readonly maxBodyBytes: number;
}

const encoder = new TextEncoder();

/** Every step before the handlers, in order; throws `WebhookError` carrying the outcome on the first failure. */
export function createVerifyAndParse({ provider, maxBodyBytes }: Checks) {
  const headerVerifiers = provider.verifiers.filter((v): v is HeaderVerifier => v.kind === 'headers');
  const bodyVerifiers = provider.verifiers.filter((v): v is BodyVerifier => v.kind === 'body');
  const challenge = headerVerifiers.find((v) => v.challenge !== undefined)?.challenge;
  const unauthorizedHeaders: Record<string, string> = challenge ? { 'www-authenticate': challenge } : {};
  const schemas = provider.schemas as Readonly<Record<string, ZodType>>;
  const aliases: Readonly<Record<string, string>> = provider.aliases ?? {};

  const refuse = (result: Exclude<VerificationResult, { ok: true }>): never => {
    if (result.unavailable) throw new WebhookError('unavailable', result.reason);
    throw new WebhookError('unauthorized', result.reason, unauthorizedHeaders);
  };

  return async function verifyAndParse(input: ReceiveInput): Promise<VerifiedEvent> {
    if (input.method.toUpperCase() !== 'POST') {
      throw new WebhookError('method_not_allowed', `method ${input.method} is not allowed; send POST`, {
        allow: 'POST',
      });
    }
    const headers = readHeaders(input.headers);
    if (!isJsonContentType(headers.get('content-type'))) {
      throw new WebhookError('unsupported_media_type', 'content type must be application/json');
    }
    for (const verifier of headerVerifiers) {
      const result = await verifier.verify(headers);
      if (!result.ok) refuse(result);
    }

    const rawBody = await readRaw(input.body, headers);
    for (const verifier of bodyVerifiers) {
      const result = await verifier.verify(headers, rawBody);
      if (!result.ok) refuse(result);
    }

    const json = parseJson(rawBody);
    if (!json.ok) throw new WebhookError('bad_request', json.reason);
    const located = provider.locate(json.value);
    if ('problem' in located) throw new WebhookError('bad_request', located.problem);
    const type = aliases[located.type] ?? located.type;

    const excluded = provider.exclude?.(located.event, type);
    if (excluded !== undefined) throw new WebhookError('ignored', excluded);

    const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
    let event: unknown = located.event;
    if (schema !== undefined) {
      const result = validate(schema, located.event, type);
      if (!result.ok) throw new WebhookError('bad_request', result.reason);
      event = result.value;
    }
    const id = (await provider.eventId(located.event, rawBody)) ?? (await sha256Hex(rawBody));
    return { type, id, event, known: schema !== undefined, rawBody, headers };
  };

  async function readRaw(body: BodyInput, headers: HeaderReader): Promise<Uint8Array> {
    if (isParsedBody(body)) {
      if (bodyVerifiers.length > 0) {
        throw new WebhookError(
          'handler_error',
          'the body was already parsed by another middleware (e.g. express.json()), so its signature cannot be ' +
            'checked: mount the webhook before the JSON parser, or keep the raw bytes with ' +
            'express.json({ verify: rawBodySaver })',
        );
      }
      return encoder.encode(JSON.stringify(body.parsed) ?? '');
    }
    const declared = declaredLength(headers.get('content-length'));
    if (declared !== undefined && declared > maxBodyBytes) throw tooLarge();
    try {
      return await rawBytes(body, maxBodyBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) throw tooLarge();
      throw error;
    }
  }

  function tooLarge() {
    return new WebhookError('payload_too_large', `body is larger than ${maxBodyBytes} bytes`);
  }
}
