import type { Notification, Pool, PoolClient } from 'pg';
import type { Driver, Listener, SqlRunner, Statement } from '../driver.js';

const runnerOf = (client: Pool | PoolClient): SqlRunner => ({
  async query<Row extends object>(text: string, params?: readonly (string | null)[]) {
    const result = await client.query(text, params as (string | null)[] | undefined);
    return result.rows as Row[];
  },
});

/** The statement with its parameters as literals, escaped by pg itself. */
function inline(client: PoolClient, { text, params }: Statement): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = params[Number(index) - 1];
    return value === null || value === undefined ? 'NULL' : client.escapeLiteral(value);
  });
}

/** node-postgres: statements on the pool; a transaction or a listener holds one pooled connection. */
export function pgDriver(pool: Pool): Driver<PoolClient> {
  if (
    typeof pool !== 'object' ||
    pool === null ||
    typeof pool.connect !== 'function' ||
    typeof (pool as { totalCount?: unknown }).totalCount !== 'number'
  ) {
    throw new TypeError(
      'authhooks: pgStore takes a pg Pool (new pg.Pool({ connectionString })), not a single pg.Client: concurrent deliveries need a connection each for their transactions.',
    );
  }
  return {
    ...runnerOf(pool),
    async transaction(work, last) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out client whose connection dies emits 'error': unheard, it would end the process.
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(runnerOf(client), client);
        // Without parameters pg sends the simple protocol, so `last` and COMMIT go in one round trip;
        // if `last` fails, the COMMIT in the same message is not run and the catch rolls back.
        await client.query(last === undefined ? 'COMMIT' : `${inline(client, last)};\nCOMMIT`);
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((failed: Error) => {
          broken = failed; // the connection is gone: drop it instead of returning it to the pool
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async listen(channel, onMessage): Promise<Listener> {
      const client = await pool.connect();
      let broken = false;
      const onNotification = (notification: Notification) => {
        if (notification.channel === channel && notification.payload !== undefined)
          onMessage(notification.payload);
      };
      const onError = () => {
        broken = true;
      };
      client.on('notification', onNotification);
      client.on('error', onError);
      try {
        await client.query(`LISTEN "${channel}"`);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      return {
        get broken() {
          return broken;
        },
        close() {
          client.off('notification', onNotification);
          if (broken) return client.release(true);
          client.query(`UNLISTEN "${channel}"`).then(
            () => {
              client.off('error', onError);
              client.release();
            },
            (error: Error) => client.release(error),
          );
        },
      };
    },
  };
}
