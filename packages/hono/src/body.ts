import { type BodyInput, parsedBody, readStream, WebhookError } from '@authhooks/core';
import type { HonoRequest } from 'hono';

/**
 * The request body for `receive()`: a bounded reader over the untouched stream (only called once the
 * header checks passed), or what an earlier middleware cached when it already read the body.
 */
export async function honoBody(req: HonoRequest): Promise<BodyInput> {
  const raw = req.raw;
  if (!raw.bodyUsed) return (limit) => readStream(raw.body, limit);
  // Hono caches promises here although its types say values.
  const cache = req.bodyCache as { arrayBuffer?: unknown; text?: unknown; json?: unknown };
  if (cache.arrayBuffer !== undefined) return new Uint8Array((await cache.arrayBuffer) as ArrayBuffer);
  if (cache.text !== undefined) return (await cache.text) as string;
  if (cache.json !== undefined) return parsedBody(await cache.json);
  return () => {
    throw new WebhookError(
      'handler_error',
      'another middleware consumed the request body without keeping it; mount the webhook before it',
    );
  };
}
