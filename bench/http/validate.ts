import { webhookPath } from '../lib/constants.js';
import type { RequestSpec, ServerCandidate } from './candidate.js';

/** Checks that a running candidate answers a valid delivery 200 and a wrong key its refusal; returns what failed. */
export async function validate(candidate: ServerCandidate, port: number): Promise<string[]> {
  const failures: string[] = [];
  const valid = await post(port, candidate.request);
  if (valid !== 200) failures.push(`${candidate.id}: a valid delivery was answered ${valid}, expected 200`);
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
      body: new Uint8Array(request.body),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return `an error (${(error as Error).message})`;
  }
}
