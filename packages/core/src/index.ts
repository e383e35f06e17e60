export type { BaseContext, ErrorHandler, Handler, HandlerContext, HandlerFailure } from './context.js';
export { fromBase64, toBase64, toHex } from './encoding.js';
export { PayloadTooLargeError, WebhookError, WebhookRejection } from './errors.js';
export { type BodyInput, type BodyReader, type ParsedBody, parsedBody, readStream } from './http/body.js';
export { isJsonContentType } from './http/content-type.js';
export { type HeaderReader, type HeaderRecord, type HeadersInput, readHeaders } from './http/headers.js';
export { type MemoryStoreOptions, memoryStore } from './idempotency/memory-store.js';
export type { IdempotencyStore, Reservation } from './idempotency/types.js';
export { childLogger, consoleLogger, type Logger, silentLogger } from './logger.js';
export { splitReceiverOptions } from './options.js';
export { defaultStatus, type Outcome, outcomes, type StatusOverrides } from './outcomes.js';
export { maxJsonDepth, parseJson } from './parse/json.js';
export { type Answer, createHttpPolicy } from './pipeline/http-policy.js';
export type { ReceiveInput, VerifiedEvent } from './pipeline/verify-and-parse.js';
export type { EventMap, EventSchemas, Located, Provider, RawEvent, UnknownEvent } from './provider.js';
export {
  type AnyEventOf,
  type CreateReceiverOptions,
  createReceiver,
  type ReceiveResult,
  type Receiver,
  type ReceiverOptions,
  type ResultInfo,
  type WebhookRoutes,
} from './receiver.js';
export { type Routed, withRoutes } from './routes.js';
export type { EventSelector, SelectedEvent, SelectedTypes } from './routing-types.js';
export { type OpenEnum, openEnum, opt } from './schema/helpers.js';
export { type BasicAuthOptions, type BasicCredentials, basicAuthVerifier } from './verify/basic-auth.js';
export { matchesAny, sha256, sha256Hex, timingSafeEqual } from './verify/constant-time.js';
export { type HeaderValueOptions, headerValueVerifier } from './verify/header-value.js';
export { type HmacHash, type HmacSignatureOptions, hmacSignatureVerifier } from './verify/hmac.js';
export { nonEmptyList } from './verify/list.js';
export {
  type BodyVerifier,
  failed,
  type HeaderVerifier,
  type VerificationResult,
  type Verifier,
  verified,
} from './verify/types.js';
