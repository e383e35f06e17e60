import { fusionAuthBody } from '../lib/fixtures.js';

export type SoakFramework = 'express' | 'hono' | 'fastify' | 'node' | 'fetch';

export interface SoakCandidate {
  readonly id: string;
  readonly framework: SoakFramework;
  /** `control`: the bare framework with a hand-written route and the same handler. */
  readonly kind: 'authhooks' | 'control';
  readonly store?: 'memory' | 'redis';
  readonly server: URL;
}

export const frameworkLabels: Record<SoakFramework, string> = {
  express: 'Express 5',
  hono: 'Hono on @hono/node-server',
  fastify: 'Fastify 5',
  node: 'node:http',
  fetch: 'fetch handler on @hono/node-server',
};

/**
 * Every adapter without a store (its own cost), with memoryStore and with redisStore, and its bare
 * framework beside them.
 */
export function soakCandidates(filter?: string): SoakCandidate[] {
  const all = (Object.keys(frameworkLabels) as SoakFramework[]).flatMap((framework): SoakCandidate[] => [
    { id: `${framework}-control`, framework, kind: 'control', server: serverFile(`${framework}-control`) },
    ...([undefined, 'memory', 'redis'] as const).map(
      (store): SoakCandidate => ({
        id: `${framework}-authhooks-${store ?? 'no-store'}`,
        framework,
        kind: 'authhooks',
        ...(store === undefined ? {} : { store }),
        server: serverFile(`${framework}-authhooks`),
      }),
    ),
  ]);
  if (filter === undefined) return all;
  const wanted = filter.split(',').map((part) => part.trim());
  return all.filter((candidate) => wanted.some((part) => candidate.id.includes(part)));
}

function serverFile(name: string): URL {
  return new URL(`./servers/${name}.ts`, import.meta.url);
}

/** The 1.3 KB `user.update` docs fixture with `[<id>]` as event id: every request a new event. */
export const soakBody = (() => {
  const { event } = JSON.parse(fusionAuthBody('user.update.json').toString('utf8')) as {
    event: Record<string, unknown>;
  };
  return Buffer.from(JSON.stringify({ event: { ...event, id: '[<id>]' } }));
})();
