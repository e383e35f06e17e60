import type { CommitTracker } from '../commit/tracker.js';
import { Delivery } from '../delivery.js';
import { WebhookError } from '../errors.js';
import type { BodyInput } from '../http/body.js';
import { type HeaderReader, type HeadersInput, readHeaders } from '../http/headers.js';
import { describeError, type Logger, safeLog } from '../logger.js';
import type { SchemaIssue } from '../parse/validate.js';
import type { RawEvent } from '../provider.js';
import { loadOpenTelemetry } from '../telemetry/api.js';
import { beginTrace, type TelemetrySettings } from '../telemetry/delivery-trace.js';
import { checkRequest, type RequestChecks } from './check-request.js';
import { type DispatchSettings, dispatch } from './dispatch.js';
import type { Answer } from './http-policy.js';
import { type EventParsing, parseEvent } from './parse-event.js';
import { type BodyLimits, readBody } from './read-body.js';
import { type Reporting, report } from './report.js';
import { verifyBody } from './verify-body.js';

export interface ReceiveInput {
  readonly method: string;
  readonly headers: HeadersInput;
  readonly body: BodyInput;
  /**
   * The request's own logger (Fastify's `request.log`): this delivery's lines and `ctx.log` go there
   * instead of the receiver's `logger`.
   */
  readonly logger?: Logger | undefined;
  /**
   * Aborted when the client closes the connection before the answer is written (FusionAuth's read
   * timeout, a dropped connection): `ctx.signal` aborts and the outcome is `client_gone`. A function is
   * called only when a delivery goes asynchronous, so a synchronous one costs nothing.
   */
  readonly closed?: AbortSignal | (() => AbortSignal) | undefined;
  /**
   * For a request pipelined behind another on the same connection: resolves once its answer can be
   * written (true) or the connection closed first (false: the handlers do not run). Undefined when not
   * queued. Node mounts pass it with `nodeConnectionInput`.
   */
  readonly turn?: (() => Promise<boolean> | undefined) | undefined;
}

/** What `receive()` answers: the HTTP answer, and the event once it was verified and parsed. */
export interface ReceiveResult<TEvent = unknown> extends Answer {
  readonly event?: TEvent | undefined;
  readonly eventId?: string | undefined;
  readonly eventType?: string | undefined;
}

/** A delivery that passed every check: authentic, well-formed, validated when its type is known. */
export interface VerifiedEvent<TEvent = unknown> {
  /** Canonical type (aliases resolved). */
  readonly type: string;
  /** Idempotency key: the provider's event id, or derived from the body when it sends none. */
  readonly id: string;
  readonly event: TEvent;
  /** False for a type the provider does not know yet: `event` is then the unvalidated object. */
  readonly known: boolean;
  /** The event as sent, including fields left out of `event` because they failed their schema. */
  readonly rawEvent: RawEvent;
  readonly schemaIssues: readonly SchemaIssue[];
  readonly rawBody: Uint8Array;
  readonly headers: HeaderReader;
}

/** Everything a receiver decided at construction, for each stage. */
export interface Pipeline {
  readonly logger: Logger;
  /** Commit-aware handlers, when the provider can confirm commits. */
  readonly commit: CommitTracker | undefined;
  readonly checks: RequestChecks;
  readonly limits: BodyLimits;
  readonly parsing: EventParsing;
  readonly dispatching: DispatchSettings;
  readonly answer: (delivery: Delivery) => Answer;
  readonly reporting: Reporting;
  /** Undefined when the receiver was built with `telemetry: false`. */
  readonly telemetry: TelemetrySettings | undefined;
}

type Step = (delivery: Delivery, pipeline: Pipeline) => void | Promise<void>;

const verifying: readonly Step[] = [
  (d, p) => checkRequest(d, p.checks),
  (d, p) => readBody(d, p.limits),
  (d, p) => verifyBody(d, p.checks),
  (d, p) => parseEvent(d, p.parsing),
];
const receiving: readonly Step[] = [...verifying, inTurn, (d, p) => dispatch(d, p.dispatching)];

/** A pipelined request waits for the earlier answer on its connection before its handlers run. */
function inTurn(delivery: Delivery): void | Promise<void> {
  const turn = delivery.turn?.();
  if (turn === undefined) return;
  return turn.then((ours) => {
    if (!ours)
      delivery.end('client_gone', 'the connection closed before this pipelined request was answered');
  });
}

/** Runs steps in order until one ends the delivery; synchronous as long as every step is. */
function advance(
  delivery: Delivery,
  pipeline: Pipeline,
  steps: readonly Step[],
  from: number,
): void | Promise<void> {
  for (let i = from; i < steps.length; i++) {
    if (delivery.outcome !== undefined) return;
    const pending = (steps[i] as Step)(delivery, pipeline);
    if (pending !== undefined) return pending.then(() => advance(delivery, pipeline, steps, i + 1));
  }
}

function start(pipeline: Pipeline, input: ReceiveInput): Delivery {
  const delivery = new Delivery(
    String(input.method),
    readHeaders(input.headers),
    input.body,
    performance.now(),
    input.logger ?? pipeline.logger,
  );
  if (input.closed !== undefined) delivery.closed = input.closed;
  if (input.turn !== undefined) delivery.turn = input.turn;
  if (pipeline.telemetry !== undefined) delivery.trace = beginTrace(delivery, pipeline.telemetry);
  return delivery;
}

/** The whole pipeline. Never throws and never rejects: a bug in core answers a clean 500 too. */
export function receive(pipeline: Pipeline, input: ReceiveInput): Promise<ReceiveResult> {
  if (pipeline.telemetry !== undefined) {
    // Only the first deliveries of a process wait, while it finds out whether OpenTelemetry is installed.
    const loading = loadOpenTelemetry();
    if (loading !== undefined) return loading.then(() => receive(pipeline, input));
  }
  let delivery: Delivery;
  let pending: void | Promise<void>;
  try {
    delivery = start(pipeline, input);
    const { trace } = delivery;
    pending =
      trace === undefined
        ? advance(delivery, pipeline, receiving, 0)
        : trace.run(() => advance(delivery, pipeline, receiving, 0));
  } catch (error) {
    delivery ??= new Delivery('POST', readHeaders({}), '', performance.now(), pipeline.logger);
    return Promise.resolve(conclude(pipeline, internalError(delivery, error)));
  }
  if (pending === undefined && !pipeline.commit?.concerns(delivery.type)) {
    return Promise.resolve(conclude(pipeline, delivery));
  }
  return Promise.resolve(pending)
    .then(() => trackCommit(pipeline, delivery))
    .then(
      () => conclude(pipeline, delivery),
      (error: unknown) => conclude(pipeline, internalError(delivery, error)),
    );
}

/** Records or decides a commit-aware operation before the answer goes out; its failure never changes a vote it did not make. */
async function trackCommit(pipeline: Pipeline, delivery: Delivery): Promise<void> {
  const tracker = pipeline.commit;
  if (tracker === undefined || delivery.outcome === undefined || !tracker.concerns(delivery.type)) return;
  try {
    await tracker.after(delivery);
  } catch (error) {
    safeLog(
      delivery.logger,
      'error',
      { err: describeError(error), eventId: delivery.id },
      'commit tracking failed',
    );
  }
}

function internalError(delivery: Delivery, error: unknown): Delivery {
  delivery.end('handler_error', 'internal error');
  delivery.cause = error;
  return delivery;
}

function conclude(pipeline: Pipeline, delivery: Delivery): ReceiveResult {
  if (delivery.outcome === undefined)
    internalError(delivery, new Error('the pipeline ended without an outcome'));
  const answer = pipeline.answer(delivery);
  report(delivery, answer, pipeline.reporting);
  delivery.trace?.finish(delivery, answer);
  const verified = delivery.event !== undefined;
  return {
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    outcome: answer.outcome,
    event: verified ? delivery.event : undefined,
    eventId: delivery.id,
    eventType: delivery.type,
  };
}

/** Every check, without running handlers; throws `WebhookError` with the outcome otherwise. */
export async function verifyAndParse(pipeline: Pipeline, input: ReceiveInput): Promise<VerifiedEvent> {
  const delivery = start(pipeline, input);
  await advance(delivery, pipeline, verifying, 0);
  if (delivery.outcome !== undefined) {
    const { headers } = pipeline.answer(delivery);
    throw new WebhookError(delivery.outcome, delivery.error ?? delivery.outcome, headers);
  }
  return {
    type: delivery.type as string,
    id: delivery.id as string,
    event: delivery.event,
    known: delivery.known,
    rawEvent: delivery.rawEvent as RawEvent,
    schemaIssues: delivery.schemaIssues,
    rawBody: delivery.bytes(),
    headers: delivery.headers,
  };
}
