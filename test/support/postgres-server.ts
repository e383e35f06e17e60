/**
 * `describe` for suites that need a real PostgreSQL server. Without one installed the suite is skipped
 * with a loud warning, except under CI=true, where it fails: CI must run the Postgres suites.
 *
 *   describeWithPostgres('my store', () => {
 *     let server: PostgresServer;
 *     beforeAll(async () => { server = await startPostgresServer(); });
 *     afterAll(() => server.stop());
 *   });
 */
import { describe, it } from 'vitest';
import { postgresInstallHint, postgresServerAvailable } from './postgres-process.js';

export { type PostgresServer, postgresServerAvailable, startPostgresServer } from './postgres-process.js';

export function describeWithPostgres(name: string, body: () => void): void {
  if (postgresServerAvailable) {
    describe(name, body);
    return;
  }
  const message = `PostgreSQL is not installed, so "${name}" cannot run. Install it: ${postgresInstallHint}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs PostgreSQL (CI=true: the Postgres suites must run)', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`\n⚠️  SKIPPED: ${message}\n`);
  describe.skip(name, body);
}
