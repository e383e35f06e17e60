import { fusionReceiver } from '@authhooks/fusionauth';

/** The user ids the handler was told to forget (a stand-in for your database). */
export const deletedUsers: string[] = [];

const blockedDomains = ['blocked.example'];

// Zero-config: the verifiers come from FUSIONAUTH_WEBHOOK_AUTHORIZATION (or the other FUSIONAUTH_* variables);
// with none set, loading this route fails with a message naming them.
const receiver = fusionReceiver()
  .on('user.delete', async (event, ctx) => {
    deletedUsers.push(event.user.id); // delete the user's data here, passing ctx.signal along
    ctx.log.info({ userId: event.user.id }, 'user deleted');
  })
  .on('user.registration.create', (event, ctx) => {
    const domain = event.user.email?.split('@')[1];
    if (domain !== undefined && blockedDomains.includes(domain)) {
      ctx.reject('registrations from this email domain are not allowed'); // 422: FusionAuth rolls back
    }
  });

// A Web-standard handler: Next.js app router, Bun, Deno and Workers all call it with a `Request`.
// Next.js answers other methods with 405 itself.
export const POST = receiver.fetch;
