export { fusionAuthEvents } from './catalog.js';
export { environmentVariables, verifiersFromEnvironment } from './env.js';
export { locateEvent } from './envelope.js';
export * from './events/index.js';
export type { FusionAuthContext, FusionAuthOptions } from './options.js';
export { type FusionAuthProvider, fusionauth } from './provider.js';
export { type FusionAuthReceiver, type FusionWebhookOptions, fusionReceiver } from './receiver.js';
export { type SignatureOptions, signatureVerifier } from './signature/index.js';
export type { PublicJwk, WebCryptoKey } from './signature/keys.js';
