import http from 'node:http';
import { webhookPath } from '../../lib/constants.js';
import { readBody } from '../../servers/read-body.js';
import { listenNode } from '../../servers/serve-child.js';
import { jsonHeaders, okBody, unauthorizedBody, type WebhookBody } from '../../servers/webhook-body.js';
import { soakChild } from '../child.js';

await soakChild(async ({ authorization }, work) => {
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== webhookPath) return void res.writeHead(404).end();
    if (req.headers.authorization !== authorization)
      return void res.writeHead(401, jsonHeaders).end(unauthorizedBody);
    const raw = await readBody(req);
    if (raw === undefined) return void res.writeHead(413, { connection: 'close' }).end();
    let body: WebhookBody;
    try {
      body = JSON.parse(raw.toString('utf8')) as WebhookBody;
    } catch {
      return void res.writeHead(400).end();
    }
    await work(body.event?.user?.id);
    res.writeHead(200, jsonHeaders).end(okBody);
  });
  return listenNode(server);
});
