import { listenFetch } from '../../servers/listen-fetch.js';
import type { WebhookBody } from '../../servers/webhook-body.js';
import { soakChild } from '../child.js';

await soakChild(async ({ authorization }, work) =>
  listenFetch(async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    if (request.headers.get('authorization') !== authorization) {
      return Response.json({ error: 'unauthorized' }, { status: 401 });
    }
    const body = (await request.json()) as WebhookBody;
    await work(body.event?.user?.id);
    return Response.json({ ok: true });
  }),
);
