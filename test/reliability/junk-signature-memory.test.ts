// Issue 8, defect 4: a junk X-FusionAuth-Signature-JWT must be refused from the header, before the body
// is read, so 60 concurrent 5 MiB requests cost the server (a child process, measured alone) almost no
// memory. A receiver that buffered each body before checking the token would grow by about 300 MB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../helpers/adapters.js';
import { upload } from '../support/upload.js';
import { type ChildServer, spawnServer } from './spawn-server.mjs';

const concurrent = 60;
const bodyBytes = 5 * 1024 * 1024; // the default maxBodyBytes: not refusable by size
const growthLimitMb = 64;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const body = new Uint8Array(bodyBytes).fill(0x20);
const junk = { 'content-type': 'application/json', 'x-fusionauth-signature-jwt': 'a.b.c' };

const mounts = [
  { path: '/signature-only', options: { signature: { hmacSecret: 'memory-test-hmac-secret' } } },
  { path: '/authorization-only', options: { authorization: 'Bearer memory-test-key' } },
];

// Express behind express.json() reads every body in the app's parser before the webhook runs: that
// mounting buffers by the app's choice and is left out here.
describe.each(
  adapters.filter((adapter) => adapter.readsBody),
)('junk signatures, 60 × 5 MiB: $name', (adapter) => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await spawnServer(
      { adapter: adapter.name, mounts },
      { source: process.env.AUTHHOOKS_TEST_TARGET !== 'dist' },
    );
  });
  afterAll(() => server.stop());

  it.each(mounts.map((mount) => mount.path))(
    '%s: rss grows by less than 64 MB',
    { timeout: 60_000 },
    async (path) => {
      const url = `http://127.0.0.1:${server.port}${path}`;
      const { rss: before } = await server.ask('rss');
      await server.ask('peak');
      const answers = await Promise.all(Array.from({ length: concurrent }, () => upload(url, junk, body)));
      const { peak } = await server.ask('peak');

      // A server that refuses from the headers answers and closes while the client is still sending; the
      // client's kernel may then drop the answer on the reset (status 0). Every answer that arrives is 401.
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status !== 401 && status !== 0)).toEqual([]);
      const refused = answers.find((answer) => answer.status === 401);
      expect(JSON.parse(refused?.body ?? '{}')).toMatchObject({ outcome: 'unauthorized' });
      const grewMb = (peak - before) / 1024 / 1024;
      console.info(
        `junk-signature memory (${process.env.AUTHHOOKS_TEST_TARGET}) ${adapter.name} ${path}: rss ${mb(before)} → peak ${mb(peak)} ` +
          `(+${grewMb.toFixed(1)} MB), ${statuses.filter((s) => s === 401).length}/${concurrent} answers read`,
      );
      expect(grewMb).toBeLessThan(growthLimitMb);
      const genuine = await upload(url, { 'content-type': 'application/json' }, new Uint8Array(2));
      expect(genuine.status).toBe(401);
    },
  );
});
