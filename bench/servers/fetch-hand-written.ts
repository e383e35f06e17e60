import { touchUserId } from '../lib/touch.js';
import { listenFetch } from './listen-fetch.js';
import { serveChild } from './serve-child.js';
import type { WebhookBody } from './webhook-body.js';

await serveChild(({ authorization }) =>
  listenFetch(async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    if (request.headers.get('authorization') !== authorization) {
      return Response.json({ error: 'unauthorized' }, { status: 401 });
    }
    const body = (await request.json()) as WebhookBody;
    touchUserId(body.event?.user?.id);
    return Response.json({ ok: true });
  }),
);
