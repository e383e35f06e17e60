import type { ServerConfig } from '../lib/server-config.js';

/** One request as the load generator sends it. */
export interface RequestSpec {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /**
   * The body holds `[<id>]`, replaced by a new id in every request (autocannon's `idReplacement`), so
   * every delivery is a distinct event: a queue adds one job per event id.
   */
  readonly uniqueIds?: boolean;
}

/** A server child to load, and how to tell that it answers correctly. */
export interface ServerCandidate {
  /** Used with `--profile`, e.g. `fastify-authhooks`. */
  readonly id: string;
  readonly label: string;
  /** The server child's file under bench/servers/. */
  readonly server: URL;
  readonly config: ServerConfig;
  readonly request: RequestSpec;
  /** The same request with a wrong key or signature. */
  readonly wrongKey: RequestSpec;
  /** What the candidate answers a valid delivery with: 200, or 202 where it only queues the event. */
  readonly okStatus?: number;
  /** What the candidate answers `wrongKey` with: 401, except octokit which answers a bad signature 400. */
  readonly wrongKeyStatus: number;
}

/** A ratio to report: `subject` req/s ÷ `baseline` req/s, measured in the same rounds. */
export interface Comparison {
  readonly label: string;
  readonly subject: string;
  readonly baseline: string;
}

export function serverFile(name: string): URL {
  return new URL(`../servers/${name}.ts`, import.meta.url);
}
