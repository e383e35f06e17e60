import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import type { InProcessCandidate } from '../inprocess/hand-written.js';
import { authorizationKey } from '../lib/constants.js';
import { touchUserId } from '../lib/touch.js';

export const bulkHeaders = { 'content-type': 'application/json', authorization: authorizationKey };

/** Bodies up to 10 000 users (~4 MB) and more must pass; the default 5 MiB limit is for single events. */
const maxBodyBytes = 256 * 1024 * 1024;

export function scalingCandidates(): Record<'authhooks' | 'hand-written', InProcessCandidate> {
  const receiver = fusionReceiver({ authorization: authorizationKey, logger: silentLogger, maxBodyBytes }).on(
    'user.bulk.create',
    (event) => {
      for (const user of event.users) touchUserId(user.id);
    },
  );
  const decoder = new TextDecoder();
  return {
    authhooks: async (headers, body) => (await receiver.receive({ method: 'POST', headers, body })).status,
    'hand-written': async (headers, body) => {
      if (headers.authorization !== authorizationKey) return 401;
      const parsed = JSON.parse(decoder.decode(body)) as { event: { users: { id?: unknown }[] } };
      for (const user of parsed.event.users) touchUserId(user.id);
      return 200;
    },
  };
}
