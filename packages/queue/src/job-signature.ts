import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the queue's signing secret comes from when `signingSecret` is not given. */
export const signingSecretVariable = 'AUTHHOOKS_QUEUE_SIGNING_SECRET';
const minimumLength = 32;

/**
 * HMAC-SHA256 over what a worker trusts in a job (its id, provider, event id, type, raw event and
 * receive time), so that someone who can write to Redis but does not hold the secret cannot add or
 * change an event. The first secret signs; each verifies (a rotation: `[new, old]`).
 */
export interface JobSigner {
  sign(jobId: string, job: SignedFields): string;
  verify(jobId: string, job: SignedFields, signature: unknown): boolean;
}

export interface SignedFields {
  readonly provider: unknown;
  readonly id: unknown;
  readonly type: unknown;
  readonly rawEvent: unknown;
  readonly receivedAt?: unknown;
}

/** The signer of `signingSecret` (or its environment variable), or undefined when neither is set. */
export function jobSigner(
  option: string | readonly string[] | undefined,
  env: Readonly<Record<string, string | undefined>>,
): JobSigner | undefined {
  const fromEnv = env[signingSecretVariable];
  const given = option ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv.split(','));
  if (given === undefined) return undefined;
  const secrets = (typeof given === 'string' ? [given] : [...given]).map((secret) => secret.trim());
  if (secrets.length === 0 || secrets.some((secret) => secret.length < minimumLength)) {
    throw new TypeError(
      `@authhooks/queue: signingSecret (or ${signingSecretVariable}) must be at least ${minimumLength} characters ` +
        'per secret; generate one with `node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"`.',
    );
  }
  const mac = (secret: string, jobId: string, job: SignedFields) =>
    createHmac('sha256', secret)
      .update(canonicalJson([jobId, job.provider, job.id, job.type, job.rawEvent, job.receivedAt ?? null]))
      .digest();
  return {
    sign: (jobId, job) => mac(secrets[0] as string, jobId, job).toString('base64url'),
    verify(jobId, job, signature) {
      if (typeof signature !== 'string') return false;
      const given = Buffer.from(signature, 'base64url');
      return secrets.some((secret) => {
        const expected = mac(secret, jobId, job);
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
    },
  };
}

/**
 * JSON with every object's keys sorted: what is signed must not depend on key order, which the backend
 * may change (PostgreSQL's jsonb stores keys in its own order).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
