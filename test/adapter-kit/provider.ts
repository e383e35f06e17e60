import {
  basicAuthVerifier,
  type EventSchemas,
  headerValueVerifier,
  type Provider,
  type RawEvent,
} from '@authhooks/core';

/** A FusionAuth-shaped test provider: `{ "event": {...} }` envelope, `event.id` as the idempotency key. */
export interface UserEvent<T extends string> {
  readonly type: T;
  readonly id: string;
  readonly tenantId?: string;
  readonly user: { readonly id: string; readonly email?: string };
}

export type TestEventMap = {
  readonly 'user.create': UserEvent<'user.create'>;
  readonly 'user.delete': UserEvent<'user.delete'>;
  readonly 'user.update': UserEvent<'user.update'>;
  readonly 'user.login.success': UserEvent<'user.login.success'>;
  readonly 'user.email.verified': UserEvent<'user.email.verified'>;
  readonly 'user.registration.create': UserEvent<'user.registration.create'>;
};

export interface TestContext {
  readonly transactional: boolean;
}

export const secret = 'Bearer test-secret';
export const basicUser = { username: 'fusionauth', password: 'basic-secret' };

/** Stands in for zod: the one check the tests need (`user.id` is a string), with zod's result shape. */
function userEventSchema(type: string) {
  return {
    safeParse(value: unknown) {
      const user = (value as { user?: { id?: unknown } }).user;
      if (typeof user?.id === 'string') return { success: true, data: value };
      return {
        success: false,
        error: { issues: [{ path: ['user', 'id'], message: `required for ${type}` }] },
      };
    },
  };
}

const types = [
  'user.create',
  'user.delete',
  'user.update',
  'user.login.success',
  'user.email.verified',
  'user.registration.create',
] as const;

const schemas = Object.fromEntries(types.map((type) => [type, userEventSchema(type)]));

export interface TestProviderOptions {
  /** Check HTTP Basic instead of the `Authorization` header value (answers carry `WWW-Authenticate`). */
  readonly basic?: boolean;
  /** Events of other tenants answer `ignored`. */
  readonly tenantId?: string;
}

export function testProvider(options: TestProviderOptions = {}): Provider<TestEventMap, TestContext> {
  const verifier = options.basic
    ? basicAuthVerifier({ credentials: basicUser })
    : headerValueVerifier({ header: 'authorization', values: secret });
  return {
    name: 'test',
    verifiers: [verifier],
    schemas: schemas as unknown as EventSchemas<TestEventMap>,
    locate(body) {
      const event = (body as { event?: unknown } | null)?.event;
      if (typeof event !== 'object' || event === null) return { problem: 'body has no "event" object' };
      const type = (event as RawEvent).type;
      if (typeof type !== 'string') return { problem: 'event.type is missing' };
      return { event: event as RawEvent, type };
    },
    eventId: (event) => (typeof event.id === 'string' ? event.id : undefined),
    exclude(event) {
      const { tenantId } = options;
      if (tenantId !== undefined && event.tenantId !== tenantId) return 'event of another tenant';
      return undefined;
    },
    context: { transactional: (_event, type) => type !== 'user.login.success' },
  };
}
