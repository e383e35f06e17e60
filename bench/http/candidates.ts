import { authorizationKey, wrongAuthorizationKey } from '../lib/constants.js';
import { fusionAuthBody } from '../lib/fixtures.js';
import { type Comparison, type RequestSpec, type ServerCandidate, serverFile } from './candidate.js';

/** The 1.3 KB `user.update` docs fixture, compact as FusionAuth sends it. */
export const userUpdateBody = fusionAuthBody('user.update.json');

const frameworks = [
  { id: 'express', label: 'Express 5' },
  { id: 'hono', label: 'Hono on @hono/node-server' },
  { id: 'fastify', label: 'Fastify 5' },
  { id: 'node', label: 'node:http' },
  { id: 'fetch', label: 'fetch handler on @hono/node-server' },
] as const;

const authhooksLabel: Record<(typeof frameworks)[number]['id'], string> = {
  express: 'fusionWebhook (@authhooks/express)',
  hono: 'fusionWebhook (@authhooks/hono)',
  fastify: 'fusionWebhook plugin (@authhooks/fastify)',
  node: 'nodeHandler(fusionReceiver) (@authhooks/core/node)',
  fetch: 'receiver.fetch (@authhooks/fusionauth)',
};

const handWrittenLabel: Record<(typeof frameworks)[number]['id'], string> = {
  express: 'express.json() + === route',
  hono: 'route with await c.req.json() + ===',
  fastify: 'route with Fastify JSON parser + === (onRequest)',
  node: 'bounded body read + JSON.parse + ===',
  fetch: 'await request.json() + ===',
};

function headerRequest(authorization: string): RequestSpec {
  return { headers: { 'content-type': 'application/json', authorization }, body: userUpdateBody };
}

/** Section 1: each framework, authhooks against the hand-written route, one Authorization header check. */
export function httpCandidates(): ServerCandidate[] {
  return frameworks.flatMap(({ id, label }) =>
    (['authhooks', 'hand-written'] as const).map((kind) => ({
      id: `${id}-${kind}`,
      label: `${label}: ${kind === 'authhooks' ? authhooksLabel[id] : handWrittenLabel[id]}`,
      server: serverFile(`${id}-${kind}`),
      config: { authorization: authorizationKey },
      request: headerRequest(authorizationKey),
      wrongKey: headerRequest(wrongAuthorizationKey),
      wrongKeyStatus: 401,
    })),
  );
}

export function httpComparisons(): Comparison[] {
  return frameworks.map(({ id, label }) => ({
    label,
    subject: `${id}-authhooks`,
    baseline: `${id}-hand-written`,
  }));
}
