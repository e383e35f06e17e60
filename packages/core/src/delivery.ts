import type { BodyInput } from './http/body.js';
import type { HeaderReader } from './http/headers.js';
import type { Logger } from './logger.js';
import type { Outcome } from './outcomes.js';
import type { SchemaIssue } from './parse/validate.js';
import type { RawEvent } from './provider.js';
import type { DeliveryTrace } from './telemetry/delivery-trace.js';
import type { BodyDigest } from './verify/types.js';

const empty = new Uint8Array(0);
const encoder = new TextEncoder();
const noIssues: readonly SchemaIssue[] = Object.freeze([]);

/**
 * One delivery, from the request to the answer. Each stage of the pipeline fills in what it learned
 * and, when the delivery ends there, its `outcome`; nothing is thrown to pass an outcome along, and
 * the same record becomes the answer, the log line and the `onResult` report.
 */
export class Delivery {
  /** Set by the stage that decided the delivery; undefined while it is still going. */
  outcome: Outcome | undefined = undefined;
  /** Short text for the answer: names what failed, never a secret, a value or a stack. */
  error: string | undefined = undefined;
  /** Why, for the log only (a 401's reason, a handler's error). */
  detail: string | undefined = undefined;
  /** The status a handler asked for with `reject(message, status)`. */
  status: number | undefined = undefined;
  /** No handler at all (as opposed to a filter): answered 422 with `unhandled: 'reject'`. */
  unhandled = false;
  /** `WWW-Authenticate` for a 401 when HTTP Basic is configured. */
  challenge: string | undefined = undefined;
  /** The client's connection (`ReceiveInput.closed`): aborted when it closes before the answer. */
  closed: AbortSignal | (() => AbortSignal) | undefined = undefined;
  /** `ReceiveInput.turn`: a pipelined request's wait for the earlier answer on its connection. */
  turn: (() => Promise<boolean> | undefined) | undefined = undefined;
  /** This copy found the event in progress and waited for that attempt's result. */
  waited = false;
  /**
   * Set when the answer went out while a handler was still running (a timeout, the client leaving):
   * resolves once every handler of this delivery settled.
   */
  handlersSettled: Promise<void> | undefined = undefined;
  /** The error a handler threw, for the log and `onError`; never sent back. */
  cause: unknown = undefined;
  /** Its span and metrics, when OpenTelemetry is present. */
  trace: DeliveryTrace | undefined = undefined;

  /** What header checks still need from the body, and the check each belongs to. */
  digests: { readonly claim: BodyDigest; readonly check: string }[] | undefined = undefined;
  /** The exact bytes received, once read. */
  rawBody: Uint8Array = empty;
  /** True when the body came pre-parsed (its bytes are gone; `rawBody` is re-serialised on demand). */
  reserialised = false;
  /** The whole parsed body. */
  json: unknown = undefined;

  /** Canonical event type (aliases resolved), once located. */
  type: string | undefined = undefined;
  /** Idempotency key, once known. */
  id: string | undefined = undefined;
  /** The provider knows this type (and validated it). */
  known = false;
  /** The event as the provider sent it, untouched. */
  rawEvent: RawEvent | undefined = undefined;
  /** The validated event handlers receive (fields that failed their schema are left out). */
  event: unknown = undefined;
  /** Fields left out of `event` because they failed their schema. */
  schemaIssues: readonly SchemaIssue[] = noIssues;

  constructor(
    readonly method: string,
    readonly headers: HeaderReader,
    readonly body: BodyInput,
    readonly started: number,
    /** Where this delivery's lines go (and `ctx.log`): the request's own logger, or the receiver's. */
    readonly logger: Logger,
  ) {}

  /** The body's bytes; re-serialised (once) when a framework parsed it before us. Depth-checked, so it cannot overflow. */
  bytes(): Uint8Array {
    if (this.reserialised && this.rawBody === empty) this.rawBody = encoder.encode(JSON.stringify(this.json));
    return this.rawBody;
  }

  end(outcome: Outcome, error?: string, detail?: string): this {
    this.outcome = outcome;
    this.error = error;
    this.detail = detail;
    return this;
  }
}
