import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
import { Webhooks } from '@octokit/webhooks';
import { type Family, families } from '../inprocess/families.js';
import type { InProcessCandidate } from '../inprocess/hand-written.js';
import { fusionAuthBody } from '../lib/fixtures.js';
import { touchUserId } from '../lib/touch.js';
import { handWrittenVerifier } from '../signature/hand-written-verifier.js';
import { generateSigningKey } from '../signature/keys.js';
import { signFusionAuthBody, signGitHubBody } from '../signature/sign.js';

/** One in-process delivery path, run the same way under callgrind as for tinybench. */
export interface InstructionCandidate {
  /** `<group>:<who>`, e.g. `user:authhooks`, `hs256:octokit`. */
  readonly id: string;
  readonly group: string;
  readonly who: 'authhooks' | 'hand-written' | 'octokit';
  /** Delivers one valid event; resolves with the status it answers (200, or 2xx for octokit). */
  deliver(): Promise<number>;
}

function fromFamily(family: Family, who: 'authhooks' | 'hand-written'): InstructionCandidate {
  const run: InProcessCandidate = who === 'authhooks' ? family.authhooks : family.handWritten;
  return {
    id: `${family.name}:${who}`,
    group: family.name,
    who,
    deliver: () => run(family.headers, family.body),
  };
}

/**
 * HS256 three ways on the same 1.3 KB user.update: authhooks' `X-FusionAuth-Signature-JWT`, the same
 * check written by hand with node:crypto (alg and kid pinned), and @octokit/webhooks' HMAC
 * (`verifyAndReceive`, x-hub-signature-256), each running the same handler.
 */
function hs256(): InstructionCandidate[] {
  const body = fusionAuthBody('user.update.json');
  const key = generateSigningKey('HS256');
  const secret = key.secret as string;
  const fusionHeaders = {
    'content-type': 'application/json',
    'x-fusionauth-signature-jwt': signFusionAuthBody(body, key),
  };
  const receiver = fusionReceiver({ signature: { hmacSecret: secret }, logger: silentLogger }).on(
    'user.update',
    (event) => touchUserId(event.user.id),
  );
  const verifier = handWrittenVerifier(key.serverSignature);
  const decoder = new TextDecoder();
  const webhooks = new Webhooks({ secret });
  webhooks.onAny(({ payload }) =>
    touchUserId((payload as { event?: { user?: { id?: unknown } } }).event?.user?.id),
  );
  const githubSignature = signGitHubBody(body, secret);
  const text = body.toString('utf8');
  return [
    {
      id: 'hs256:authhooks',
      group: 'hs256',
      who: 'authhooks',
      deliver: async () => (await receiver.receive({ method: 'POST', headers: fusionHeaders, body })).status,
    },
    {
      id: 'hs256:hand-written',
      group: 'hs256',
      who: 'hand-written',
      deliver: async () => {
        const claim = verifier.verifyToken(fusionHeaders['x-fusionauth-signature-jwt']);
        if (claim === undefined || !verifier.bodyMatches(claim, body)) return 401;
        const parsed = JSON.parse(decoder.decode(body)) as { event?: { user?: { id?: unknown } } };
        touchUserId(parsed.event?.user?.id);
        return 200;
      },
    },
    {
      id: 'hs256:octokit',
      group: 'hs256',
      who: 'octokit',
      deliver: async () => {
        await webhooks.verifyAndReceive({
          id: 'delivery-1',
          name: 'issues',
          payload: text,
          signature: githubSignature,
        } as Parameters<Webhooks['verifyAndReceive']>[0]);
        return 200;
      },
    },
  ];
}

export function instructionCandidates(): InstructionCandidate[] {
  return [
    ...families().flatMap((family) => [fromFamily(family, 'authhooks'), fromFamily(family, 'hand-written')]),
    ...hs256(),
  ];
}
