import type { AddressInfo } from 'node:net';
import { fusionWebhook } from '@authhooks/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface AppOptions {
  /** The Authorization header value set on the webhook's Headers tab in FusionAuth. */
  readonly authorization?: string;
  /** Registrations with an email at these domains are vetoed (FusionAuth rolls them back). */
  readonly blockedDomains?: readonly string[];
}

/** The Hono app: a FusionAuth webhook on /fusionauth-webhook, and what its handlers did. */
export function createApp(options: AppOptions = {}) {
  // Without a value, fusionWebhook() reads FUSIONAUTH_WEBHOOK_* from the environment and refuses to start
  // when none is set: an example must not ship a default secret.
  const authorization = options.authorization ?? process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION;
  const blockedDomains = options.blockedDomains ?? ['blocked.example'];
  const deletedUsers: string[] = [];

  const webhook = fusionWebhook(authorization ? { authorization } : {})
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

  const app = new Hono();
  app.get('/health', (c) => c.text('ok'));
  // app.use (not app.post) so that other methods get the receiver's 405 with Allow: POST.
  app.use('/fusionauth-webhook', webhook);
  return { app, webhook, deletedUsers };
}

/** Serves the app on 127.0.0.1 (port 0: any free port). */
export function start(port: number, options: AppOptions = {}) {
  const { app, deletedUsers } = createApp(options);
  return new Promise<{ url: string; deletedUsers: string[]; close(): Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        deletedUsers,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
