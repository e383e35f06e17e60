import { Redis } from 'ioredis';

/**
 * The example app's data, in Redis so that the receiver (which shows it) and the worker (which changes
 * it) share it. Every change is idempotent, as queue handlers must be: a job can run more than once.
 */
export class TodoStore {
  readonly #redis: Redis;

  constructor(url: string) {
    this.#redis = new Redis(url, { maxRetriesPerRequest: 1 });
    this.#redis.on('error', () => {}); // a failed command fails the handler, and the job is retried
  }

  /** Keyed by `id`: running it twice leaves one todo. */
  async add(userId: string, id: string, title: string): Promise<void> {
    await this.#redis.hset(this.#key(userId), id, title);
  }

  async list(userId: string): Promise<string[]> {
    return Object.values(await this.#redis.hgetall(this.#key(userId)));
  }

  async deleteAll(userId: string): Promise<number> {
    return this.#redis.del(this.#key(userId));
  }

  close(): void {
    this.#redis.disconnect();
  }

  #key(userId: string): string {
    return `example:todos:${userId}`;
  }
}
