// One Web-standard handler for every runtime, from the BUILT packages (bare specifiers resolve
// through node_modules to dist/): /auth checks the Authorization header, /signed FusionAuth's
// HS256 X-FusionAuth-Signature-JWT. Runtimes pass their secrets in, so no runtime's env API is needed.
import { memoryStore } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';

export function createHandler({ authorization, hmacSecret }) {
  // GET /outcome?id=… tells the test how a delivery ended (a client that left never reads its answer).
  const outcomes = new Map();
  const common = {
    idempotency: memoryStore(),
    maxBodyBytes: 1024,
    logger: quiet(),
    onResult: (result) => outcomes.set(result.eventId, result.outcome),
  };
  const byAuthorization = withHandlers(fusionReceiver({ ...common, authorization }));
  const bySignature = withHandlers(fusionReceiver({ ...common, signature: { hmacSecret } }));
  return (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/auth') return byAuthorization.fetch(request);
    if (pathname === '/signed') return bySignature.fetch(request);
    if (pathname === '/outcome') {
      return new Response(outcomes.get(new URL(request.url).searchParams.get('id')) ?? 'none');
    }
    return new Response('not found', { status: 404 });
  };
}

function withHandlers(receiver) {
  return receiver
    .on('user.delete', (event, ctx) => {
      ctx.log.info({ userId: event.user.id }, 'deleted');
    })
    .on('user.registration.create', (_event, ctx) => ctx.reject('registration not allowed'))
    .on(
      'user.update',
      (_event, ctx) =>
        // Slow, and stops when told: the client-gone check drops the connection while it waits.
        new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 1500);
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(ctx.signal.reason);
          });
        }),
    );
}

function quiet() {
  const noop = () => {};
  return { debug: noop, info: noop, warn: noop, error: noop };
}
