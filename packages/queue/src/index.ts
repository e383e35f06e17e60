export type { Connection } from './connection.js';
export type { DeadLetter } from './dead-letter.js';
export { jobIdOf } from './job-id.js';
export { signingSecretVariable } from './job-signature.js';
export type { PostgresConnection } from './postgres-connection.js';
export {
  type JobOptions,
  type PostgresQueueOptions,
  type QueueCounts,
  type RedisQueueOptions,
  type WebhookQueue,
  type WebhookQueueOptions,
  webhookQueue,
} from './webhook-queue.js';
export { createWorker } from './worker/create-worker.js';
export type {
  BackoffFunction,
  BackoffOptions,
  BullWorkerSettings,
  QueueWorker,
  WorkerContext,
  WorkerErrorHandler,
  WorkerFailure,
  WorkerHandler,
  WorkerOptions,
} from './worker/types.js';
