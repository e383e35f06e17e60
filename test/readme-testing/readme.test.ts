import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('packages/testing/README.md', root), 'utf8');
const blocks = [...readme.matchAll(/<!-- file: (\S+) -->\n```\w+\n([\s\S]*?)```\n/g)].map(
  ([, path, code]) => ({
    path: path as string,
    code: code as string,
  }),
);

describe('packages/testing/README.md shows the files that these tests run', () => {
  it('has the app, the Vitest test, the Jest test and the config snippet', () => {
    expect(blocks.map((block) => block.path)).toEqual([
      'test/readme-testing/webhook.ts',
      'test/readme-testing/webhook.test.ts',
      'test/readme-testing/jest/webhook.test.js',
      'test/readme-testing/fusionauth-config.ts',
    ]);
  });

  // That each block equals its file is checked with every other README block: scripts/check-readme-snippets.mjs.

  it('the Jest app is the TypeScript one without its types', () => {
    const app = (path: string) => readFileSync(new URL(path, root), 'utf8');
    expect(app('test/readme-testing/jest/webhook.js')).toBe(
      app('test/readme-testing/webhook.ts').replace('deletedUsers: string[] = []', 'deletedUsers = []'),
    );
  });

  it('the config snippet builds both halves for the handled events', async () => {
    process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION ??= 'test-key'; // as the app's environment has it
    const { hook, tenant } = await import('./fusionauth-config.js');
    expect(hook.headers).toEqual({ Authorization: process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION });
    expect(Object.keys(hook.eventsEnabled)).toEqual(['user.delete', 'user.registration.create']);
    expect(tenant.eventConfiguration.events['user.registration.create']).toEqual({
      enabled: true,
      transactionType: 'Any',
    });
  });
});
