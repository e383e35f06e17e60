export interface JwksFetchLimits {
  /** The whole fetch, redirects and body included. */
  readonly timeoutMs: number;
  /** The largest body read; a larger JWKS is refused. */
  readonly maxBytes: number;
  /** The most keys a JWKS may hold; one with more is refused. */
  readonly maxKeys: number;
}

/** Redirects followed at most: FusionAuth serves its JWKS directly, so a chain means a misconfiguration. */
const maxRedirects = 3;

/**
 * Whether `url` may serve keys: https, or plain http to this machine (a FusionAuth in development).
 * Applied to the configured URL and to every redirect, so a redirect cannot lead to plain http elsewhere.
 */
export function jwksUrlAllowed(url: URL): boolean {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (local && url.protocol === 'http:');
}

/**
 * GETs the JWKS, following at most three redirects by hand so each hop is held to `jwksUrlAllowed`,
 * and reads at most `maxBytes` of the body.
 */
export async function fetchJwksBody(
  start: URL,
  fetcher: typeof fetch,
  limits: JwksFetchLimits,
): Promise<{ keys?: unknown }> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = start;
  for (let hop = 0; ; hop++) {
    const response = await fetcher(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal,
    });
    if (response.type === 'opaqueredirect') {
      throw new Error(`the JWKS at ${url.origin} redirects; configure the URL it redirects to as jwksUrl`);
    }
    if (response.status < 300 || response.status >= 400) {
      if (!response.ok) throw new Error(`the JWKS answered ${response.status}`);
      return parse(await readBounded(response, limits.maxBytes));
    }
    await response.body?.cancel().catch(() => {});
    const location = response.headers.get('location');
    if (location === null) throw new Error(`the JWKS answered ${response.status} without a Location`);
    if (hop + 1 > maxRedirects) throw new Error(`the JWKS redirected more than ${maxRedirects} times`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new Error('the JWKS redirected to something that is not a URL');
    }
    if (!jwksUrlAllowed(next)) {
      throw new Error(
        `the JWKS redirected to ${next.protocol}//${next.host}, which is not https; refused (every hop must be https)`,
      );
    }
    url = next;
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): Error {
  return new Error(`the JWKS is larger than jwksMaxBytes (${maxBytes} bytes); refused`);
}

function parse(bytes: Uint8Array): { keys?: unknown } {
  try {
    const body = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof body === 'object' && body !== null ? (body as { keys?: unknown }) : {};
  } catch {
    throw new Error('the JWKS is not JSON');
  }
}
