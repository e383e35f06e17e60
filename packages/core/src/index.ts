export { memoryPendingStore } from './commit/memory-pending.js';
export type {
  ClaimedOperation,
  CommitHandler,
  CommitInfo,
  CommitOptions,
  ConfirmableType,
  DecidedBy,
  PendingOperation,
  PendingState,
  PendingStore,
} from './commit/types.js';
export type {
  BaseContext,
  ContextClass,
  ErrorHandler,
  Handler,
  HandlerContext,
  HandlerFailure,
} from './context.js';
export { contextClass, DeliveryContext } from './context.js';
export { Delivery } from './delivery.js';
export { fromBase64, fromBase64url, toBase64, toHex } from './encoding.js';
export {
  BodyReadError,
  type BodyReadOutcome,
  PayloadTooLargeError,
  WebhookError,
  WebhookRejection,
} from './errors.js';
export {
  type BodyInput,
  type BodyReader,
  type ConsumedBody,
  consumedBody,
  type DecodedText,
  decodedText,
  type ParsedBody,
  parsedBody,
  readStream,
} from './http/body.js';
export {
  type ClosableResponse,
  connectionClosed,
  isClosableResponse,
  type NodeConnection,
  nodeConnection,
  nodeConnectionInput,
} from './http/connection.js';
export { isJsonContentType } from './http/content-type.js';
export { type HeaderReader, type HeaderRecord, type HeadersInput, readHeaders } from './http/headers.js';
export { type DeliveryAttempt, deliveryAttempt } from './idempotency/attempt.js';
export { type MemoryStoreOptions, memoryStore } from './idempotency/memory-store.js';
export {
  type SettledHub,
  type SettledListener,
  type SettledSource,
  settledHub,
  settlementMessage,
} from './idempotency/settled-hub.js';
export type { IdempotencyStore, Reservation, Settlement, Verdict } from './idempotency/types.js';
export {
  type ConsoleLoggerOptions,
  childLogger,
  consoleLogger,
  describeError,
  type Logger,
  type LogLevel,
  safeLog,
  silentLogger,
} from './logger.js';
export { defaults, type ReceiverOptions, splitReceiverOptions } from './options.js';
export { defaultStatus, type Outcome, outcomes, type StatusOverrides } from './outcomes.js';
export { maxJsonDepth, parseJson } from './parse/json.js';
export { type SchemaIssue, type Validation, type ValidationMode, validate } from './parse/validate.js';
export { type Answer, createHttpPolicy, responseBody } from './pipeline/http-policy.js';
export type { ReceiveInput, ReceiveResult, VerifiedEvent } from './pipeline/pipeline.js';
export type { ResultInfo } from './pipeline/report.js';
export type {
  ContextFields,
  EventCatalog,
  EventCompletion,
  EventMap,
  EventSchemas,
  Located,
  Provider,
  RawEvent,
  UnknownEvent,
} from './provider.js';
export { QueueUnavailable } from './queue/queue-route.js';
export type { EnqueueOptions, EventQueue, QueuedEvent } from './queue/types.js';
export {
  type AnyEventOf,
  type CreateReceiverOptions,
  createReceiver,
  type Receiver,
  toResponse,
  type WebhookRoutes,
} from './receiver.js';
export { type AnyHandler, anySelector, Router } from './router.js';
export { type Routed, withRoutes } from './routes.js';
export type { EventSelector, SelectedEvent, SelectedTypes } from './routing-types.js';
export type { OpenEnum, Schema, SchemaResult } from './schema/schema.js';
export { closestName } from './suggest.js';
export {
  guarded as guardedTelemetry,
  loadOpenTelemetry,
  type OpenTelemetryApi,
  openTelemetry,
  runInSpan,
  spanKind,
  spanLogFields,
  spanStatusError,
  type TelemetryAttributes,
  type TelemetrySpan,
  tracerFor,
  useOpenTelemetry,
} from './telemetry/api.js';
export { type Metrics as TelemetryMetrics, metrics as telemetryMetrics } from './telemetry/metrics.js';
export { linkedSpanContext, traceCarrier } from './telemetry/propagation.js';
export { type BasicAuthOptions, type BasicCredentials, basicAuthVerifier } from './verify/basic-auth.js';
export { matchesAny, sha256, sha256Hex, timingSafeEqual } from './verify/constant-time.js';
export { digest } from './verify/digest.js';
export { type HeaderValueOptions, headerValueVerifier } from './verify/header-value.js';
export { type HmacHash, type HmacSignatureOptions, hmacSignatureVerifier } from './verify/hmac.js';
export { nonEmptyList } from './verify/list.js';
export {
  type BodyDigest,
  type BodyVerifier,
  type DigestAlgorithm,
  failed,
  type HeaderVerifier,
  type VerificationResult,
  type Verifier,
  verified,
} from './verify/types.js';
