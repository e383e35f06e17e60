import { describe, expect, it } from 'vitest';
import { runExampleServer, startExampleServer } from './example-server.js';

/**
 * What a user sees when starting an example (`npm run example:<name>` runs its `src/server.ts`):
 * without the secret one friendly line naming the variable and exit code 1; with it, a receiver that
 * answers an authorized delivery and refuses other methods with 405.
 */
export function describeExampleStartup(example: string) {
  describe(`npm run example:${example}`, () => {
    it('without FUSIONAUTH_WEBHOOK_AUTHORIZATION: exits 1 with one friendly line and no stack', async () => {
      const { code, stdout, stderr } = await runExampleServer(example);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value/);
      expect(lines[0]).toContain(`npm run example:${example}`);
    });

    it('with it: answers an authorized delivery 200 and a GET 405', async () => {
      const authorization = 'example-startup-secret';
      const server = await startExampleServer(example, { FUSIONAUTH_WEBHOOK_AUTHORIZATION: authorization });
      try {
        const id = crypto.randomUUID();
        const delivered = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({
            event: { type: 'user.delete', id, createInstant: Date.now(), user: { id: crypto.randomUUID() } },
          }),
        });
        expect([delivered.status, await delivered.json()]).toEqual([
          200,
          { outcome: 'handled', eventId: id, eventType: 'user.delete' },
        ]);
        const get = await fetch(server.url);
        expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
      } finally {
        await server.stop();
      }
    });
  });
}
