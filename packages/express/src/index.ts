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
export { type ExpressRequest, rawBodySaver } from './body.js';
export { fusionWebhook } from './fusionauth.js';
export { logtoWebhook } from './logto.js';
export { type ExpressHandler, type ExpressWebhook, expressMiddleware } from './middleware.js';
