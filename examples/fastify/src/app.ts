import type { AddressInfo } from 'node:net';
import { fusionWebhook } from '@authhooks/fastify';
import Fastify from 'fastify';

export interface AppOptions {
  /** The Authorization header value set on the webhook's Headers tab in FusionAuth. */
  readonly authorization?: string;
  /** Registrations with an email at these domains are vetoed (FusionAuth rolls them back). */
  readonly blockedDomains?: readonly string[];
  readonly logger?: boolean;
}

/** The Fastify app: a FusionAuth webhook on /fusionauth-webhook, and what its handlers did. */
export async function createApp(options: AppOptions = {}) {
  // Without a value, fusionWebhook() reads FUSIONAUTH_WEBHOOK_* from the environment and refuses to start
  // when none is set: an example must not ship a default secret.
  const authorization = options.authorization ?? process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION;
  const blockedDomains = options.blockedDomains ?? ['blocked.example'];
  const deletedUsers: string[] = [];

  const webhook = fusionWebhook({ ...(authorization && { authorization }), path: '/fusionauth-webhook' })
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

  const app = Fastify({ logger: options.logger ?? false });
  await app.register(webhook);
  // The app's own JSON routes keep Fastify's JSON parser: the webhook's raw-body parser is encapsulated.
  app.post('/notes', async (request) => ({ received: request.body }));
  return { app, webhook, deletedUsers };
}

/** Listens on 127.0.0.1 (port 0: any free port). */
export async function start(port: number, options: AppOptions = {}) {
  const { app, deletedUsers } = await createApp(options);
  await app.listen({ host: '127.0.0.1', port });
  const { port: actual } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}`, deletedUsers, close: () => app.close() };
}
