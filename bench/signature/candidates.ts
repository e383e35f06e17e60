import { randomUUID } from 'node:crypto';
import { type Comparison, type ServerCandidate, serverFile } from '../http/candidate.js';
import { userUpdateBody } from '../http/candidates.js';
import { authorizationKey } from '../lib/constants.js';
import type { SignatureAlg } from '../lib/server-config.js';
import { generateSigningKey, type SigningKey } from './keys.js';
import { signFusionAuthBody, signGitHubBody } from './sign.js';

const algs: readonly SignatureAlg[] = ['HS256', 'RS256', 'ES256', 'EdDSA'];

function jwtRequest(key: SigningKey) {
  return {
    headers: {
      'content-type': 'application/json',
      'x-fusionauth-signature-jwt': signFusionAuthBody(userUpdateBody, key),
    },
    body: userUpdateBody,
  };
}

function gitHubRequest(secret: string) {
  return {
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'issues',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': signGitHubBody(userUpdateBody, secret),
    },
    body: userUpdateBody,
  };
}

/** Section 2: the signed-JWT path on node:http, per algorithm, with keys generated now. */
export function signatureCandidates(): ServerCandidate[] {
  const perAlg = algs.flatMap((alg) => {
    const key = generateSigningKey(alg);
    const otherKey = generateSigningKey(alg);
    const shared = {
      config: { authorization: authorizationKey, signature: key.serverSignature },
      request: jwtRequest(key),
      wrongKey: jwtRequest(otherKey),
      wrongKeyStatus: 401,
    };
    return [
      {
        id: `signature-${alg.toLowerCase()}-authhooks`,
        label: `${alg}: authhooks nodeHandler(fusionReceiver({ signature }))`,
        server: serverFile('signature-authhooks'),
        ...shared,
      },
      {
        id: `signature-${alg.toLowerCase()}-hand-written`,
        label: `${alg}: hand-written node:crypto verifier`,
        server: serverFile('signature-hand-written'),
        ...shared,
      },
    ];
  });
  const secret = 'bench-github-webhook-secret';
  const octokit: ServerCandidate = {
    id: 'octokit',
    label: '@octokit/webhooks createNodeMiddleware (x-hub-signature-256 HMAC)',
    server: serverFile('octokit'),
    config: { authorization: authorizationKey, octokitSecret: secret },
    request: gitHubRequest(secret),
    wrongKey: gitHubRequest(`${secret}-wrong`),
    // octokit answers a signature mismatch with 400, not 401.
    wrongKeyStatus: 400,
  };
  return [...perAlg, octokit];
}

export function signatureComparisons(): Comparison[] {
  return algs.flatMap((alg) => [
    {
      label: `${alg} vs hand-written node:crypto`,
      subject: `signature-${alg.toLowerCase()}-authhooks`,
      baseline: `signature-${alg.toLowerCase()}-hand-written`,
    },
    {
      label: `${alg} vs @octokit/webhooks (HMAC)`,
      subject: `signature-${alg.toLowerCase()}-authhooks`,
      baseline: 'octokit',
    },
  ]);
}
