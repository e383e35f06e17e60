/** A Web-standard handler: `(request) => response`, e.g. `receiver.fetch` or a Hono app's `fetch`. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Where a delivery goes:
 * - a URL (string or `URL`): a real HTTP request, as FusionAuth makes it;
 * - a receiver (`fusionReceiver(...)`, anything with `.fetch`), an adapter webhook
 *   (`fusionWebhook(...)` of `@authhooks/express`, `/hono`, `/fastify`: it has `.receiver`), or a
 *   fetch handler: called in-process with a Web `Request`, no server needed.
 */
export type DeliveryTarget =
  | string
  | URL
  | FetchHandler
  | { readonly fetch: FetchHandler }
  | { readonly receiver: { readonly fetch: FetchHandler } };

export type ResolvedTarget =
  | { readonly kind: 'url'; readonly url: URL }
  | { readonly kind: 'in-process'; readonly handle: FetchHandler };

export function resolveTarget(target: DeliveryTarget): ResolvedTarget {
  // Not `instanceof URL`: a URL made in another realm (Jest's test context) is a URL too.
  if (typeof target === 'string' || Object.prototype.toString.call(target) === '[object URL]') {
    let url: URL;
    try {
      url = new URL(target as string | URL);
    } catch {
      throw new TypeError(
        `authhooks: "${String(target)}" is not a URL; use the full address, e.g. http://127.0.0.1:3000/fusionauth-webhook.`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`authhooks: a webhook URL uses http or https, not ${url.protocol}`);
    }
    return { kind: 'url', url };
  }
  // An adapter webhook is itself a function (an Express or Hono handler): its receiver is what to call.
  const receiver = (target as { receiver?: { fetch?: unknown } }).receiver;
  if (receiver !== undefined && typeof receiver?.fetch === 'function') {
    return { kind: 'in-process', handle: (request) => (receiver.fetch as FetchHandler)(request) };
  }
  const withFetch = target as { fetch?: unknown };
  if (typeof withFetch.fetch === 'function') {
    return { kind: 'in-process', handle: (request) => (withFetch.fetch as FetchHandler)(request) };
  }
  if (typeof target === 'function') return { kind: 'in-process', handle: target as FetchHandler };
  throw new TypeError(
    'authhooks: deliver() needs a URL, a receiver (fusionReceiver/logtoReceiver), an adapter webhook ' +
      '(fusionWebhook/logtoWebhook), or a fetch handler (request) => response.',
  );
}
