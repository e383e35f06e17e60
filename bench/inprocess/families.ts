import { createHmac } from 'node:crypto';
import { type ReceiveInput, silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { logtoReceiver } from '@authhooks/logto';
import { authorizationKey, wrongAuthorizationKey } from '../lib/constants.js';
import { fusionAuthBody, logtoBody } from '../lib/fixtures.js';
import { touchUserId } from '../lib/touch.js';
import { handWrittenFusionAuth, handWrittenLogto, type InProcessCandidate } from './hand-written.js';

/** One event family: a docs fixture, authhooks `receive()` and the hand-written equivalent. */
export interface Family {
  readonly name: string;
  readonly eventType: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  readonly wrongHeaders: Readonly<Record<string, string>>;
  readonly authhooks: InProcessCandidate;
  readonly handWritten: InProcessCandidate;
  /** What the hand-written candidate does besides JSON.parse and the handler. */
  readonly handWrittenCheck: string;
}

const logtoSigningKey = 'bench-logto-signing-key-0123456789';

/** Any receiver, seen only through `receive()`. */
interface Receiving {
  receive(input: ReceiveInput): Promise<{ readonly status: number }>;
}

function viaReceive(receiver: Receiving): InProcessCandidate {
  return async (headers, body) => (await receiver.receive({ method: 'POST', headers, body })).status;
}

function fusion() {
  return fusionReceiver({ authorization: authorizationKey, logger: silentLogger });
}

function fusionFamily(
  name: string,
  eventType: string,
  fixture: string,
  receiver: Receiving,
  pick: (event: Record<string, unknown>) => unknown,
): Family {
  const json = { 'content-type': 'application/json' };
  return {
    name,
    eventType,
    body: fusionAuthBody(fixture),
    headers: { ...json, authorization: authorizationKey },
    wrongHeaders: { ...json, authorization: wrongAuthorizationKey },
    authhooks: viaReceive(receiver),
    handWritten: handWrittenFusionAuth(pick),
    handWrittenCheck: 'Authorization ===',
  };
}

const userOf = (event: Record<string, unknown>) => (event.user as { id?: unknown } | undefined)?.id;

export function families(): Family[] {
  const logtoEvent = logtoBody('PostSignIn.json');
  const signature = (key: string) => createHmac('sha256', key).update(logtoEvent).digest('hex');
  return [
    fusionFamily(
      'user',
      'user.update',
      'user.update.json',
      fusion().on('user.update', (event) => touchUserId(event.user.id)),
      userOf,
    ),
    fusionFamily(
      'registration',
      'user.registration.create',
      'user.registration.create.json',
      fusion().on('user.registration.create', (event) => touchUserId(event.user.id)),
      userOf,
    ),
    fusionFamily(
      'login',
      'user.login.success',
      'user.login.success.json',
      fusion().on('user.login.success', (event) => touchUserId(event.user.id)),
      userOf,
    ),
    fusionFamily(
      'group',
      'group.create',
      'group.create.json',
      fusion().on('group.create', (event) => touchUserId(event.group.id)),
      (event) => (event.group as { id?: unknown } | undefined)?.id,
    ),
    fusionFamily(
      'jwt',
      'jwt.refresh-token.revoke',
      'jwt.refresh-token.revoke.json',
      fusion().on('jwt.refresh-token.revoke', (event) => touchUserId(event.userId)),
      (event) => event.userId,
    ),
    {
      name: 'Logto',
      eventType: 'PostSignIn',
      body: logtoEvent,
      headers: { 'content-type': 'application/json', 'logto-signature-sha-256': signature(logtoSigningKey) },
      wrongHeaders: { 'content-type': 'application/json', 'logto-signature-sha-256': signature('wrong') },
      authhooks: viaReceive(
        logtoReceiver({ signingKey: logtoSigningKey, logger: silentLogger }).on('PostSignIn', (event) =>
          touchUserId(event.userId),
        ),
      ),
      handWritten: handWrittenLogto(logtoSigningKey, (event) => event.userId),
      handWrittenCheck: 'HMAC-SHA256 (createHmac + timingSafeEqual)',
    },
  ];
}
