import type * as NodeCrypto from 'node:crypto';

/**
 * `node:crypto` where the runtime has it (Node ≥ 20.16, Bun, Deno), without a static import so the
 * package still loads on Workers (which verify with Web Crypto). Not exported: its types would make
 * every user's type-check depend on @types/node.
 */
export const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined;
