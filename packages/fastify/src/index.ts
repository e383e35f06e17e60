export {
  type HandlerContext,
  type IdempotencyStore,
  type Logger,
  memoryStore,
  silentLogger,
  WebhookRejection,
} from '@authhooks/core';
export type { FusionAuthContext, FusionAuthEventMap, FusionWebhookOptions } from '@authhooks/fusionauth';
export { fusionWebhook } from './fusionauth.js';
export { type FastifyWebhook, type FastifyWebhookOptions, fastifyPlugin } from './plugin.js';
