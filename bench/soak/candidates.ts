import { randomUUID } from 'node:crypto';
import { fusionAuthBody } from '../lib/fixtures.js';

export type SoakFramework = 'express' | 'hono' | 'fastify' | 'node' | 'fetch';

export interface SoakCandidate {
  readonly id: string;
  readonly framework: SoakFramework;
  /** `control`: the bare framework with a hand-written route and the same handler. */
  readonly kind: 'authhooks' | 'control';
  /**
   * `events`: a new user.update per request. `commit`: pairs of user.create and its
   * user.create.complete for a new user, to a receiver with onCommit (pending operations).
   */
  readonly load: 'events' | 'commit';
  readonly store?: 'memory' | 'redis';
  /** The OpenTelemetry SDK records every delivery (issue 20). */
  readonly telemetry?: true;
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
 * framework beside them; node:http with commit-aware handlers on each store (the adapter does not
 * matter to the pending operations, so one is enough); and node:http with the OpenTelemetry SDK.
 */
export function soakCandidates(filter?: string): SoakCandidate[] {
  const all = (Object.keys(frameworkLabels) as SoakFramework[]).flatMap((framework): SoakCandidate[] => [
    {
      id: `${framework}-control`,
      framework,
      kind: 'control',
      load: 'events',
      server: serverFile(`${framework}-control`),
    },
    ...([undefined, 'memory', 'redis'] as const).map(
      (store): SoakCandidate => ({
        id: `${framework}-authhooks-${store ?? 'no-store'}`,
        framework,
        kind: 'authhooks',
        load: 'events',
        ...(store === undefined ? {} : { store }),
        server: serverFile(`${framework}-authhooks`),
      }),
    ),
  ]);
  const commit = (['memory', 'redis'] as const).map(
    (store): SoakCandidate => ({
      id: `node-commit-authhooks-${store}`,
      framework: 'node',
      kind: 'authhooks',
      load: 'commit',
      store,
      server: serverFile('node-commit-authhooks'),
    }),
  );
  all.push(...commit, {
    // The OpenTelemetry SDK recording every delivery (issue 20): its span and metric memory stay bounded.
    id: 'node-otel-authhooks-no-store',
    framework: 'node',
    kind: 'authhooks',
    load: 'events',
    telemetry: true,
    server: serverFile('node-otel-authhooks'),
  });
  if (filter === undefined) return all;
  const wanted = filter.split(',').map((part) => part.trim());
  return all.filter((candidate) => wanted.some((part) => candidate.id.includes(part)));
}

function serverFile(name: string): URL {
  return new URL(`./servers/${name}.ts`, import.meta.url);
}

const commitTemplates = ['user.create.json', 'user.create.complete.json'].map((file) => {
  const { event } = JSON.parse(fusionAuthBody(file).toString('utf8')) as { event: Record<string, unknown> };
  return JSON.stringify({
    event: { ...event, id: '[<event>]', user: { ...(event.user as object), id: '[<user>]' } },
  });
});

/** The user.create docs fixture and its user.create.complete, for a new user and new event ids each time. */
export function commitPair(): [string, string] {
  const user = randomUUID();
  const [create, complete] = commitTemplates.map((template) =>
    template.replace('[<event>]', randomUUID()).replace('[<user>]', user),
  );
  return [create as string, complete as string];
}

/** The 1.3 KB `user.update` docs fixture with `[<id>]` as event id: every request a new event. */
export const soakBody = (() => {
  const { event } = JSON.parse(fusionAuthBody('user.update.json').toString('utf8')) as {
    event: Record<string, unknown>;
  };
  return Buffer.from(JSON.stringify({ event: { ...event, id: '[<id>]' } }));
})();
