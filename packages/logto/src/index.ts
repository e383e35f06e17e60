export { logtoEvents } from './catalog.js';
export * from './events/index.js';
export type { LogtoContext, LogtoOptions } from './options.js';
export { type LogtoProvider, logto, signatureHeader } from './provider.js';
export { type LogtoReceiver, type LogtoWebhookOptions, logtoReceiver } from './receiver.js';
export { signLogtoPayload } from './sign.js';
export { isLogtoTestPayload } from './test-payload.js';
