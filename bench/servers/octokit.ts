import http from 'node:http';
import { createNodeMiddleware, Webhooks } from '@octokit/webhooks';
import { webhookPath } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';
import { listenNode, serveChild } from './serve-child.js';
import type { WebhookBody } from './webhook-body.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

await serveChild(({ octokitSecret }) => {
  if (octokitSecret === undefined) throw new Error('octokit needs octokitSecret');
  const webhooks = new Webhooks({ secret: octokitSecret });
  // The body is the same FusionAuth delivery the other candidates get; octokit does not validate payloads.
  webhooks.onAny(({ payload }) => touchUserId((payload as WebhookBody).event?.user?.id));
  const middleware = createNodeMiddleware(webhooks, { path: webhookPath, log: quiet });
  return listenNode(http.createServer((req, res) => void middleware(req, res)));
});
