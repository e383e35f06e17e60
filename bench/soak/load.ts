import autocannon from 'autocannon';
import { authorizationKey, webhookPath } from '../lib/constants.js';
import { commitPair, type SoakCandidate, soakBody } from './candidates.js';

/**
 * Sustained load: a fixed rate over 20 keep-alive connections, a new event id in every request. A
 * fixed number of requests rather than a duration, so none is cut off in flight at the end and the
 * 2xx answers can be reconciled exactly with the handler calls.
 */
export async function soakLoad(
  port: number,
  seconds: number,
  rate: number,
  load: SoakCandidate['load'],
): Promise<{ ok: number; failed: number; seconds: number }> {
  const headers = { 'content-type': 'application/json', authorization: authorizationKey };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${webhookPath}`,
    method: 'POST',
    headers,
    ...(load === 'events' ? { body: soakBody, idReplacement: true } : { requests: commitRequests(headers) }),
    connections: 20,
    overallRate: rate,
    amount: 2 * Math.round((seconds * rate) / 2),
  });
  return {
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}

/** Each connection in turn: a user.create, then its user.create.complete. */
function commitRequests(headers: Record<string, string>): autocannon.Request[] {
  const request = { method: 'POST' as const, path: webhookPath, headers };
  return [
    {
      ...request,
      setupRequest: (req, context) => {
        const [create, complete] = commitPair();
        (context as { complete?: string }).complete = complete;
        return { ...req, body: create };
      },
    },
    {
      ...request,
      setupRequest: (req, context) => ({ ...req, body: (context as { complete?: string }).complete }),
    },
  ];
}
