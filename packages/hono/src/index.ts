export {
  type HandlerContext,
  type IdempotencyStore,
  type Logger,
  memoryStore,
  type Outcome,
  silentLogger,
  useOpenTelemetry,
  WebhookRejection,
} from '@authhooks/core';
export type { FusionAuthContext, FusionAuthEventMap, FusionWebhookOptions } from '@authhooks/fusionauth';
export type { LogtoContext, LogtoEventMap, LogtoWebhookOptions } from '@authhooks/logto';
export { honoBody } from './body.js';
export { fusionWebhook } from './fusionauth.js';
export { type HonoHandlerOptions, type HonoWebhook, honoHandler } from './handler.js';
export { logtoWebhook } from './logto.js';
export type { AuthhooksDelivery, AuthhooksEnv, AuthhooksVariables } from './variables.js';
