import { randomUUID } from 'node:crypto';
import { webhookPath } from '../lib/constants.js';
import type { RequestSpec, ServerCandidate } from './candidate.js';

/** Checks that a running candidate answers a valid delivery 200 (or its `okStatus`) and a wrong key its refusal; returns what failed. */
export async function validate(candidate: ServerCandidate, port: number): Promise<string[]> {
  const failures: string[] = [];
  const valid = await post(port, candidate.request);
  const okStatus = candidate.okStatus ?? 200;
  if (valid !== okStatus)
    failures.push(`${candidate.id}: a valid delivery was answered ${valid}, expected ${okStatus}`);
  const wrong = await post(port, candidate.wrongKey);
  if (wrong !== candidate.wrongKeyStatus) {
    failures.push(`${candidate.id}: a wrong key was answered ${wrong}, expected ${candidate.wrongKeyStatus}`);
  }
  return failures;
}

async function post(port: number, request: RequestSpec): Promise<number | string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${webhookPath}`, {
      method: 'POST',
      headers: request.headers,
      body: request.uniqueIds
        ? request.body.toString('utf8').replaceAll('[<id>]', randomUUID())
        : new Uint8Array(request.body),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return `an error (${(error as Error).message})`;
  }
}
