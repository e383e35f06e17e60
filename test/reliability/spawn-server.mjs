import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./child/server.mjs', import.meta.url));
const tsx = import.meta.resolve('tsx');

/**
 * Starts child/server.mjs with `config` and resolves once it listens. `source: true` runs it under tsx,
 * which resolves @authhooks/* to the TypeScript sources; otherwise plain node over the built packages.
 * `ask(cmd)` sends a command and resolves with the child's answer.
 */
export function spawnServer(config, { source = false } = {}) {
  const execArgv = ['--expose-gc', ...(source ? ['--import', tsx] : [])];
  const child = fork(entry, [JSON.stringify(config)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map();
  let next = 0;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the server child exited with ${code} before it listened`)),
    );
    child.on('message', (message) => {
      if (message.ready) {
        child.removeAllListeners('exit');
        resolve({
          port: message.port,
          pid: child.pid,
          ask(cmd) {
            const id = next++;
            return new Promise((answered) => {
              waiting.set(id, answered);
              child.send({ id, cmd });
            });
          },
          stop() {
            return new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.disconnect();
            });
          },
        });
        return;
      }
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
  });
}
