import { type FusionAuthReceiver, fusionReceiver } from '@authhooks/fusionauth';

const blockedDomains = ['blocked.example'];

// Created on the first request, not when the module loads: `next build` loads every route module,
// and the build should not need the webhook's secrets.
let receiver: FusionAuthReceiver | undefined;

function webhook(): FusionAuthReceiver {
  // Zero-config: the verifiers come from FUSIONAUTH_WEBHOOK_AUTHORIZATION (or FUSIONAUTH_WEBHOOK_HMAC_SECRET,
  // FUSIONAUTH_JWKS_URL, …); with none set, it throws a message naming them.
  receiver ??= fusionReceiver()
    .on('user.delete', async (event, ctx) => {
      // Delete the user's data here, passing ctx.signal along.
      ctx.log.info({ userId: event.user.id }, 'user deleted');
    })
    .on('user.registration.create', (event, ctx) => {
      const domain = event.user.email?.split('@')[1];
      if (domain !== undefined && blockedDomains.includes(domain)) {
        ctx.reject('registrations from this email domain are not allowed'); // 422: FusionAuth rolls back
      }
    });
  return receiver;
}

// The App Router calls it with a Web `Request`; other methods get Next.js's 405.
export function POST(request: Request): Promise<Response> {
  return webhook().fetch(request);
}
