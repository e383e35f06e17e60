import type { ServerConfig } from '../lib/server-config.js';

/** The queue section's part of a server child's config; the other sections never set it. */
export function queueConfig(config: ServerConfig): NonNullable<ServerConfig['queue']> {
  if (config.queue === undefined) throw new Error('a queue candidate was started without config.queue');
  return config.queue;
}
