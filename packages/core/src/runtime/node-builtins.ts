import type * as NodeBuffer from 'node:buffer';
import type * as NodeCrypto from 'node:crypto';

type BuiltinLoader = (id: string) => unknown;

const load = (globalThis as { process?: { getBuiltinModule?: BuiltinLoader } }).process?.getBuiltinModule;

/**
 * Node's own modules where the runtime has them (Node ≥ 20.16, Bun, Deno), loaded without a static
 * import so that the package still loads on runtimes without them (Workers), which use Web Crypto.
 * Synchronous hashing and signature checks are much cheaper than a Web Crypto round trip.
 */
export const nodeCrypto = load?.('node:crypto') as typeof NodeCrypto | undefined;

export const nodeBuffer = load?.('node:buffer') as typeof NodeBuffer | undefined;
