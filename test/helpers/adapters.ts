// The HTTP mounts of the conformance suite, in the shape the security regressions use.
import type { FusionWebhookOptions } from '@authhooks/fusionauth';
import {
  express4Mount,
  express5Mount,
  express5PlainJson,
  express5RawBodySaver,
  fastifyHttp,
  fetchOnHonoServer,
  honoAll,
  type Mount,
  nodeHttp,
} from '../conformance/mounts.js';
import type { Routes } from '../conformance/scenario.js';

export { webhookPath } from '../conformance/mounts.js';
export type { Routes } from '../conformance/scenario.js';

export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

export interface Adapter {
  readonly name: string;
  /** False when an app-level JSON parser reads the body first: its own limits and errors answer then. */
  readonly readsBody: boolean;
  start(options: FusionWebhookOptions, register: (routes: Routes) => void): Promise<Running>;
}

function overHttp(mount: Mount): Adapter {
  return {
    name: mount.name,
    readsBody: mount.parsedBy === undefined,
    async start(options, register) {
      const mounted = await mount.start(options, register);
      if (mounted.url === undefined) throw new Error(`${mount.name} is not served over HTTP`);
      return { url: mounted.url, close: () => mounted.close() };
    },
  };
}

export const adapters: readonly Adapter[] = [
  express5Mount,
  express4Mount,
  express5RawBodySaver,
  honoAll,
  fastifyHttp,
  nodeHttp,
  fetchOnHonoServer,
].map(overHttp);

/** Only Express can be mounted behind a parser that drains the stream; this case is Express's alone. */
export const expressBehindPlainJson = overHttp(express5PlainJson);

/** node:http alone, for what does not depend on the adapter (metrics, a store's failure, a JWKS fetch). */
export const nodeHttpAdapter = overHttp(nodeHttp);
