import type { Delivery } from '../delivery.js';
import { BodyReadError } from '../errors.js';
import { declaredLength, isConsumedBody, isDecodedText, isParsedBody } from '../http/body.js';
import { checkParsed } from '../parse/json.js';

export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  /** A signature must be checked over the exact bytes: a body a framework parsed or decoded is refused. */
  readonly needsRawBytes: boolean;
}

const encoder = new TextEncoder();

/**
 * Gets the exact bytes of the body onto the delivery, within the size and time limits. A body another
 * middleware already consumed is taken as it was left; if the checks need the original bytes and they
 * are gone, the delivery ends `misconfigured` with the fix.
 */
export function readBody(delivery: Delivery, limits: BodyLimits): void | Promise<void> {
  const body = delivery.body;
  // A declared length over the limit is refused without reading a byte (and whatever the body form).
  const declared = declaredLength(delivery.headers.get('content-length'));
  if (declared !== undefined && declared > limits.maxBodyBytes) return tooLarge(delivery, limits);
  if (typeof body === 'function') {
    return body(limits.maxBodyBytes, limits.bodyTimeoutMs).then(
      (bytes) => void take(delivery, bytes, limits),
      (error: unknown) => failedRead(delivery, error, limits),
    );
  }
  if (body instanceof Uint8Array) return take(delivery, body, limits);
  if (typeof body === 'string') return take(delivery, encoder.encode(body), limits);
  if (body instanceof ArrayBuffer) return take(delivery, new Uint8Array(body), limits);
  if (isParsedBody(body)) return takeParsed(delivery, body.parsed, limits);
  if (isDecodedText(body)) {
    if (limits.needsRawBytes) return consumed(delivery, body.source);
    return take(delivery, encoder.encode(body.decoded), limits);
  }
  if (isConsumedBody(body)) return consumed(delivery, body.consumedBy);
  delivery.end('misconfigured', 'the request body was handed to authhooks in a form it cannot read');
}

function take(delivery: Delivery, bytes: Uint8Array, limits: BodyLimits): void {
  if (bytes.byteLength > limits.maxBodyBytes) tooLarge(delivery, limits);
  else delivery.rawBody = bytes;
}

function takeParsed(delivery: Delivery, parsed: unknown, limits: BodyLimits): void {
  if (limits.needsRawBytes) {
    consumed(delivery, 'a JSON body parser (such as express.json())');
    return;
  }
  const hazard = checkParsed(parsed);
  if (hazard !== undefined) return void delivery.end('bad_request', hazard);
  delivery.json = parsed;
  delivery.reserialised = true;
}

function consumed(delivery: Delivery, source: string): void {
  delivery.end(
    'misconfigured',
    `the body was already read by ${source}, so the exact bytes are gone: mount the webhook before any ` +
      'body parser, or keep the raw bytes (Express: express.json({ verify: rawBodySaver }); Hono: read ' +
      'c.req.arrayBuffer() instead of text()/json())',
  );
}

function tooLarge(delivery: Delivery, limits: BodyLimits): void {
  delivery.end('payload_too_large', `body is larger than ${limits.maxBodyBytes} bytes`);
}

function failedRead(delivery: Delivery, error: unknown, limits: BodyLimits): void {
  if (!BodyReadError.is(error)) {
    delivery.end('bad_request', 'the request body could not be read');
    delivery.cause = error;
    return;
  }
  if (error.outcome === 'payload_too_large') tooLarge(delivery, limits);
  else if (error.outcome === 'request_timeout') {
    delivery.end('request_timeout', `the body did not arrive within ${limits.bodyTimeoutMs} ms`);
  } else delivery.end('bad_request', error.message);
}
