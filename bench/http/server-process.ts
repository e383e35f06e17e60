import { exited, forkTypeScript, nextMessage } from '../lib/children.js';
import { serverConfigEnv } from '../lib/server-config.js';
import type { ServerMessage } from '../servers/serve-child.js';
import type { ServerCandidate } from './candidate.js';

export interface RunningServer {
  readonly port: number;
  /** The child's monotonic clock in µs (what `--cpu-prof` stamps samples with), to profile from now on. */
  mark(): Promise<number>;
  /** Stops the child and returns how many times its webhook handler ran. */
  stop(): Promise<number>;
}

/** Starts a candidate's server in its own Node process, so it never shares a process with the load generator. */
export async function startServer(
  candidate: ServerCandidate,
  nodeFlags: readonly string[] = [],
): Promise<RunningServer> {
  const child = forkTypeScript(candidate.server, [], { env: serverConfigEnv(candidate.config), nodeFlags });
  try {
    const { port } = await nextMessage<Extract<ServerMessage, { type: 'listening' }>>(child, 'listening');
    return {
      port,
      async mark() {
        const marked = nextMessage<Extract<ServerMessage, { type: 'mark' }>>(child, 'mark');
        child.send('mark');
        return (await marked).atUs;
      },
      async stop() {
        const stopped = nextMessage<Extract<ServerMessage, { type: 'stopped' }>>(child, 'stopped');
        child.send('stop');
        const { handled } = await stopped;
        await exited(child);
        return handled;
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
