import { type Comparison, type RequestSpec, type ServerCandidate, serverFile } from '../http/candidate.js';
import { authorizationKey, wrongAuthorizationKey } from '../lib/constants.js';
import { fusionAuthBody } from '../lib/fixtures.js';

/** The event every queue candidate receives: not transactional, so it may be enqueued. */
export const queuedEventType = 'user.delete.complete';

/** The user.delete.complete docs fixture with `[<id>]` as event id: a new event (and job) per request. */
export const queueBody = (() => {
  const { event } = JSON.parse(fusionAuthBody(`${queuedEventType}.json`).toString('utf8')) as {
    event: Record<string, unknown>;
  };
  return Buffer.from(JSON.stringify({ event: { ...event, id: '[<id>]' } }));
})();

function request(authorization: string): RequestSpec {
  return {
    headers: { 'content-type': 'application/json', authorization },
    body: queueBody,
    uniqueIds: true,
  };
}

/** Section 6: Express 5, the same event, queued by authhooks, queued by hand, or handled inline. */
export function queueCandidates(redisUrl: string, postgresUrl?: string): ServerCandidate[] {
  const candidate = (
    id: string,
    label: string,
    server: string,
    okStatus: number,
    handlerDelayMs?: number,
    onPostgres = false,
  ): ServerCandidate => ({
    id,
    label: `Express 5: ${label}`,
    server: serverFile(server),
    config: {
      authorization: authorizationKey,
      queue: {
        redisUrl,
        name: `bench-${id}`,
        ...(handlerDelayMs !== undefined && { handlerDelayMs }),
        ...(onPostgres && postgresUrl !== undefined && { postgresUrl }),
      },
    },
    request: request(authorizationKey),
    wrongKey: request(wrongAuthorizationKey),
    okStatus,
    wrongKeyStatus: 401,
  });
  const onPostgres =
    postgresUrl === undefined
      ? []
      : [
          candidate(
            'queue-enqueue-authhooks-postgres',
            `fusionWebhook .enqueue('${queuedEventType}', webhookQueue({ postgres })), 202 once in PostgreSQL`,
            'queue-enqueue-authhooks',
            202,
            undefined,
            true,
          ),
          candidate(
            'queue-enqueue-hand-written-postgres',
            'express.json() + === + BullMQ (PostgreSQL backend) queue.add, 202 once in PostgreSQL',
            'queue-enqueue-hand-written-postgres',
            202,
            undefined,
            true,
          ),
        ];
  return [
    ...onPostgres,
    candidate(
      'queue-enqueue-authhooks',
      `fusionWebhook .enqueue('${queuedEventType}', webhookQueue) (@authhooks/queue), 202 once in Redis`,
      'queue-enqueue-authhooks',
      202,
    ),
    candidate(
      'queue-enqueue-hand-written',
      'express.json() + === + BullMQ queue.add (job id = event id), 202 once in Redis',
      'queue-enqueue-hand-written',
      202,
    ),
    candidate(
      'queue-inline-authhooks',
      `fusionWebhook .on('${queuedEventType}') inline, the handler does nothing`,
      'queue-inline-authhooks',
      200,
      0,
    ),
    candidate(
      'queue-inline-20ms-authhooks',
      `fusionWebhook .on('${queuedEventType}') inline, the handler awaits 20 ms`,
      'queue-inline-authhooks',
      200,
      20,
    ),
  ];
}

export function queueComparisons(withPostgres: boolean): Comparison[] {
  const subject = 'queue-enqueue-authhooks';
  const postgres = 'queue-enqueue-authhooks-postgres';
  return [
    ...(withPostgres
      ? [
          {
            label: 'enqueue on PostgreSQL vs BullMQ (PostgreSQL) queue.add by hand',
            subject: postgres,
            baseline: 'queue-enqueue-hand-written-postgres',
          },
          { label: 'enqueue on PostgreSQL vs enqueue on Redis', subject: postgres, baseline: subject },
        ]
      : []),
    { label: 'enqueue vs BullMQ queue.add by hand', subject, baseline: 'queue-enqueue-hand-written' },
    { label: 'enqueue vs inline, handler does nothing', subject, baseline: 'queue-inline-authhooks' },
    { label: 'enqueue vs inline, handler awaits 20 ms', subject, baseline: 'queue-inline-20ms-authhooks' },
  ];
}
