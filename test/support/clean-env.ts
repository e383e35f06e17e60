/**
 * The environment for a child npm, pnpm or runtime: this process's, less the `npm_*` variables that
 * `npm test` / `pnpm run` set (a child npm would read them as its own configuration).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toLowerCase().startsWith('npm_')) env[name] = value;
  }
  return { ...env, ...extra };
}
