import http from 'node:http';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { handWrittenVerifier } from '../signature/hand-written-verifier.js';
import { readBody } from './read-body.js';
import { listenNode, serveChild } from './serve-child.js';
import { jsonHeaders, okBody, unauthorizedBody, type WebhookBody } from './webhook-body.js';

await serveChild(({ signature }) => {
  if (signature === undefined) throw new Error('signature-hand-written needs a signature config');
  const verifier = handWrittenVerifier(signature);
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== webhookPath) return void res.writeHead(404).end();
    const token = req.headers['x-fusionauth-signature-jwt'];
    const claim = verifier.verifyToken(typeof token === 'string' ? token : undefined);
    if (claim === undefined) return void res.writeHead(401, jsonHeaders).end(unauthorizedBody);
    const raw = await readBody(req);
    if (raw === undefined) return void res.writeHead(413, { connection: 'close' }).end();
    if (!verifier.bodyMatches(claim, raw)) return void res.writeHead(401, jsonHeaders).end(unauthorizedBody);
    let body: WebhookBody;
    try {
      body = JSON.parse(raw.toString('utf8')) as WebhookBody;
    } catch {
      return void res.writeHead(400).end();
    }
    touchUserId(body.event?.user?.id);
    res.writeHead(200, jsonHeaders).end(okBody);
  });
  return listenNode(server);
});
