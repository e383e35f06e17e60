import { type BodyInput, consumedBody, decodedText, parsedBody, readStream } from '@authhooks/core';
import type { HonoRequest } from 'hono';

/**
 * The request body for `receive()`: a bounded reader over the untouched stream (only called once the
 * header checks passed), or what an earlier middleware cached when it already read the body.
 */
export async function honoBody(req: HonoRequest): Promise<BodyInput> {
  const raw = req.raw;
  if (!raw.bodyUsed) return (limit, timeoutMs) => readStream(raw.body, limit, timeoutMs);
  // Hono caches promises here although its types say values.
  const cache = req.bodyCache as { arrayBuffer?: unknown; text?: unknown; json?: unknown };
  try {
    if (cache.arrayBuffer !== undefined) return new Uint8Array((await cache.arrayBuffer) as ArrayBuffer);
    if (cache.text !== undefined) return decodedText((await cache.text) as string, "Hono's c.req.text()");
    if (cache.json !== undefined) return parsedBody(await cache.json);
  } catch {
    return consumedBody('an earlier middleware whose read failed');
  }
  return consumedBody('another middleware that did not keep it');
}
