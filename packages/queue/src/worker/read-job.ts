import {
  type EventCatalog,
  type EventMap,
  type RawEvent,
  type SchemaIssue,
  type ValidationMode,
  validate,
} from '@authhooks/core';
import { UnrecoverableError } from 'bullmq';
import type { JobSigner } from '../job-signature.js';
import { unreadableData } from '../tolerant-job.js';

/** A job's event as the worker runs it: re-validated from what the provider sent, never taken on trust. */
export interface ReadJob {
  readonly provider: string;
  readonly id: string;
  /** The canonical type (aliases resolved). */
  readonly type: string;
  /** Whether the catalog knows the type (then `event` is validated; otherwise it is `rawEvent`). */
  readonly known: boolean;
  readonly event: unknown;
  readonly rawEvent: RawEvent;
  readonly schemaIssues: readonly SchemaIssue[];
  readonly receivedAt: number;
}

export interface JobReading {
  readonly catalog: EventCatalog<EventMap, object>;
  readonly validation: ValidationMode;
  /** The queue's signer: set, every job must carry a signature that verifies. */
  readonly signer?: JobSigner | undefined;
}

/**
 * Reads a job written by `webhookQueue().add`: the envelope must be whole and name this catalog's
 * provider, and the event is validated again from `rawEvent` with the catalog's schema, as the receiver
 * did. Anything else cannot succeed on a retry: it fails the job for good (`UnrecoverableError`).
 */
export function readJob(data: unknown, jobId: string, addedAt: number, reading: JobReading): ReadJob {
  const { catalog, validation } = reading;
  const unreadable = isRecord(data) ? (data as { [unreadableData]?: string })[unreadableData] : undefined;
  if (unreadable !== undefined) {
    throw new UnrecoverableError(
      `job ${jobId} holds data that is not JSON (${unreadable}): it was corrupted in Redis or written by ` +
        'something other than webhook.enqueue(...). Not retried.',
    );
  }
  const job = isRecord(data) ? data : {};
  const { provider, id, type, rawEvent, receivedAt } = job;
  const missing = [
    typeof provider !== 'string' && 'provider',
    (typeof id !== 'string' || id === '') && 'id',
    (typeof type !== 'string' || type === '') && 'type',
    !isRecord(rawEvent) && 'rawEvent',
  ].filter((field): field is string => field !== false);
  if (missing.length > 0) {
    throw new UnrecoverableError(
      `job ${jobId} is not an authhooks queued event (no valid ${missing.join(', ')}): ` +
        'only webhook.enqueue(...) should add jobs to this queue. Not retried.',
    );
  }
  if (reading.signer !== undefined && !reading.signer.verify(jobId, job as never, job.signature)) {
    throw new UnrecoverableError(
      `job ${jobId} is not signed with the queue's signingSecret: it was added or changed in Redis by ` +
        'something without the secret (or before signing was turned on). Not run, not retried.',
    );
  }
  if (provider !== catalog.name) {
    throw new UnrecoverableError(
      `job ${jobId} holds a ${String(provider)} event, but this worker reads ${catalog.name} events: ` +
        'give createWorker the matching catalog, or enqueue each provider to its own queue. Not retried.',
    );
  }
  const aliases: Readonly<Record<string, string>> = catalog.aliases ?? {};
  const canonical = Object.hasOwn(aliases, type as string)
    ? (aliases[type as string] as string)
    : (type as string);
  const schemas = catalog.schemas as Readonly<Record<string, Schema>>;
  const schema = Object.hasOwn(schemas, canonical) ? schemas[canonical] : undefined;
  const base = {
    provider: provider as string,
    id: id as string,
    type: canonical,
    rawEvent: rawEvent as RawEvent,
    receivedAt: typeof receivedAt === 'number' && Number.isFinite(receivedAt) ? receivedAt : addedAt,
  };
  if (schema === undefined) return { ...base, known: false, event: rawEvent, schemaIssues: [] };
  const result = validate(schema, rawEvent, canonical, validation);
  if (!result.ok) {
    throw new UnrecoverableError(
      `${result.reason} (job ${jobId}: its event no longer passes the ${canonical} schema, so it was changed in ` +
        'Redis or written by an incompatible version. Not retried.)',
    );
  }
  return { ...base, known: true, event: result.value, schemaIssues: result.issues };
}

type Schema = Parameters<typeof validate>[0];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
