import type * as NodeBuffer from 'node:buffer';
import type * as NodeCrypto from 'node:crypto';

/**
 * `node:crypto` and `node:buffer` where the runtime has them (Node ≥ 20.16, Bun, Deno), without a static
 * import so the package still loads on Workers (which verify with Web Crypto). Not exported: their types
 * would make every user's type-check depend on @types/node.
 */
const load = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  ?.getBuiltinModule;

export const nodeCrypto = load?.('node:crypto') as typeof NodeCrypto | undefined;

/** Node's Buffer, for base64url decoding several times faster than `atob` and a byte loop. */
export const nodeBuffer = (load?.('node:buffer') as typeof NodeBuffer | undefined)?.Buffer;
