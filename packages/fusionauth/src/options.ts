import type { BasicCredentials } from '@authhooks/core';
import type { SignatureOptions } from './signature/index.js';

/** How FusionAuth proves a request is its own; every check that is configured must pass. */
export interface FusionAuthOptions {
  /** The exact `Authorization` header value set on the webhook's Headers tab; several during a rotation. */
  readonly authorization?: string | readonly string[];
  /** Other header values set on the webhook's Headers tab, e.g. `{ 'x-webhook-key': process.env.KEY }`. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** The HTTP Basic credentials set on the webhook's Security tab. */
  readonly basicAuth?: BasicCredentials | readonly BasicCredentials[];
  /** Verifies `X-FusionAuth-Signature-JWT` ("Sign events" on the Security tab, FusionAuth 1.48+). */
  readonly signature?: SignatureOptions;
  /** Only these tenants' events are handled; others answer `ignored`. Instance events carry no tenant and pass. */
  readonly tenantIds?: readonly string[];
  /** Only events of these applications are handled; events without an application pass. */
  readonly applicationIds?: readonly string[];
  /** No verification at all. For local experiments only; never in production. */
  readonly allowUnauthenticated?: boolean;
  /** Where zero-config reads its variables. Default: `process.env` when it exists. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Extra fields of every FusionAuth handler's `ctx`. */
export interface FusionAuthContext {
  /** Whether FusionAuth may roll the operation back on a non-2xx answer (the tenant's transaction setting decides if it does). */
  readonly transactional: boolean;
}
