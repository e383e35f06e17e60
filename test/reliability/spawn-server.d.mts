export interface ServerMount {
  readonly path: string;
  /** FusionAuth webhook options that survive JSON (no logger, store or functions). */
  readonly options: Record<string, unknown>;
  /** A memoryStore with these options becomes the mount's idempotency store. */
  readonly store?: { readonly ttlMs?: number; readonly maxEntries?: number };
}

export interface ServerConfig {
  /** A name from test/helpers/adapters.ts. */
  readonly adapter: string;
  readonly mounts: readonly ServerMount[];
  /** Handler calls are counted per id `load-<n>` for n below this. */
  readonly countIds?: number;
}

export interface ChildServer {
  readonly port: number;
  readonly pid: number;
  ask(cmd: 'rss'): Promise<{ rss: number; heapUsed: number }>;
  ask(cmd: 'peak'): Promise<{ peak: number }>;
  ask(cmd: 'stats'): Promise<{
    calls: number;
    twice: number;
    logged: { debug: number; info: number; warn: number; error: number };
  }>;
  stop(): Promise<void>;
}

export function spawnServer(config: ServerConfig, options?: { source?: boolean }): Promise<ChildServer>;
