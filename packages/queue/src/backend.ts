import type { Logger } from '@authhooks/core';
import { type BackendFactory, createPostgresBackend } from 'bullmq';
import type { Redis } from 'ioredis';
import { type Connection, connectionSource, reportOutages, whenConnected } from './connection.js';
import { type PostgresConnection, postgresConnection } from './postgres-connection.js';

/** What BullMQ's classes are built with: their connection options and, for PostgreSQL, its backend. */
export interface BullSide {
  readonly options: { readonly connection: unknown; readonly prefix?: string };
  readonly factory: BackendFactory | undefined;
  /** Ends what this side opened (a Redis client); BullMQ closes what it opened itself. */
  close(): void;
}

export interface Producer extends BullSide {
  /** Why an add must fail at once (a Redis known to be down), or undefined. */
  unreachable(): string | undefined;
  /** Waits until the backend answers, or rejects after `timeoutMs` saying why. */
  connected(timeoutMs: number, ready: () => Promise<unknown>): Promise<void>;
}

/** Where the queue's jobs live: Redis (the default BullMQ backend) or PostgreSQL (BullMQ's backend for it). */
export interface QueueBackend {
  readonly kind: 'redis' | 'postgres';
  /** Where it is, never the password: for logs and error messages. */
  readonly address: string;
  /** `Redis` or `PostgreSQL`, for messages. */
  readonly label: string;
  producer(logger: Logger, what: string): Producer;
  worker(): BullSide;
}

const unreachableStates = new Set(['reconnecting', 'close', 'end']);

export function redisBackend(connection: Connection, prefix: string): QueueBackend {
  const source = connectionSource(connection);
  return {
    kind: 'redis',
    address: source.address,
    label: 'Redis',
    producer(logger, what) {
      const client: Redis = source.producer();
      reportOutages(client, logger, what, source.address);
      return {
        // The worker checks the Redis version; here a failed check would leave the queue unusable for good.
        options: { connection: client, prefix, skipVersionCheck: true } as BullSide['options'],
        factory: undefined,
        unreachable: () =>
          unreachableStates.has(client.status)
            ? `Redis at ${source.address} is unreachable (${client.status})`
            : undefined,
        connected: (timeoutMs) => whenConnected(client, source.address, timeoutMs),
        close: () => client.disconnect(),
      };
    },
    worker() {
      // BullMQ runs its commands on this client and its blocking fetch on a duplicate of it; it leaves
      // the client itself open (shared), so close() ends it.
      const client = source.worker();
      client.on('error', () => {}); // reported (throttled) through the worker's 'error' event
      return {
        options: { connection: client, prefix },
        factory: undefined,
        close: () => client.disconnect(),
      };
    },
  };
}

export function postgresBackend(connection: PostgresConnection): QueueBackend {
  const { options, address } = postgresConnection(connection);
  const side = (): BullSide => ({
    options: { connection: options },
    factory: createPostgresBackend as unknown as BackendFactory,
    close: () => {},
  });
  return {
    kind: 'postgres',
    address,
    label: 'PostgreSQL',
    producer() {
      return {
        ...side(),
        unreachable: () => undefined, // a refused connection fails the add at once anyway
        async connected(timeoutMs, ready) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`cannot reach PostgreSQL at ${address} within ${timeoutMs} ms`)),
              timeoutMs,
            );
          });
          try {
            await Promise.race([ready(), timeout]);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw message.startsWith('cannot reach')
              ? error
              : new Error(`cannot reach PostgreSQL at ${address} (${message})`);
          } finally {
            clearTimeout(timer);
          }
        },
      };
    },
    worker: side,
  };
}
