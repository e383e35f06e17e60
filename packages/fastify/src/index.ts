export {
  type HandlerContext,
  type IdempotencyStore,
  type Logger,
  memoryStore,
  silentLogger,
  useOpenTelemetry,
  WebhookRejection,
} from '@authhooks/core';
export type { FusionAuthContext, FusionAuthEventMap, FusionWebhookOptions } from '@authhooks/fusionauth';
export type { LogtoContext, LogtoEventMap, LogtoWebhookOptions } from '@authhooks/logto';
export { fusionWebhook } from './fusionauth.js';
export { logtoWebhook } from './logto.js';
export { type FastifyWebhook, type FastifyWebhookOptions, fastifyPlugin } from './plugin.js';
