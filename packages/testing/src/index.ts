export {
  type FusionAuthWebhookConfig,
  fusionAuthWebhookConfig,
  type HandledEvents,
  type TenantEventSetting,
  type WebhookConfigOptions,
} from './config/webhook-config.js';
export {
  type DeliverOptions,
  deliver,
  type FusionAuthPayload,
  type FusionAuthRequestOptions,
} from './deliver/fusionauth.js';
export { DeliveryError, type DeliveryErrorCode } from './deliver/http-post.js';
export { deliverLogto, type LogtoDeliverOptions } from './deliver/logto.js';
export type { Delivery, Timeouts } from './deliver/send.js';
export type { DeliveryTarget, FetchHandler } from './deliver/target.js';
export type { DeepPartial } from './samples/deep-merge.js';
export { fusionAuthBody, fusionAuthSample } from './samples/fusionauth.js';
export { logtoBody, logtoSample } from './samples/logto.js';
export {
  type AsymmetricAlgorithm,
  asymmetricAlgorithms,
  type HmacAlgorithm,
  hmacAlgorithms,
  type SigningAlgorithm,
  signingAlgorithms,
} from './sign/algorithms.js';
export { fusionAuthSignatureHeader, signFusionAuthRequest } from './sign/fusionauth.js';
export { type JwksKey, type JwksServer, publicJwkOf, serveJwks } from './sign/jwks.js';
export {
  createTestKeys,
  type TestHmacKey,
  type TestKey,
  type TestKeyOptions,
  type TestKeyPair,
} from './sign/keys.js';
export { signLogtoRequest } from './sign/logto.js';
export type { FusionAuthSigningKey } from './sign/signing-key.js';
export {
  FusionAuthSimulator,
  type FusionAuthSimulatorOptions,
  retriesAfterCommit,
  type SimulationResult,
  type SkippedWebhook,
  type WebhookAttempt,
  type WebhookTransactionError,
  webhookTransactionMessage,
} from './simulator/simulator.js';
export {
  requiredSuccesses,
  type TransactionSetting,
  type TransactionType,
  transactionTypes,
} from './simulator/transaction.js';
export type { FusionAuthTenantEvents, FusionAuthWebhook, WebhookInput } from './simulator/webhook.js';
