import autocannon from 'autocannon';
import { authorizationKey, webhookPath } from '../lib/constants.js';
import { soakBody } from './candidates.js';

/**
 * Sustained load: a fixed rate over 20 keep-alive connections, a new event id in every request. A
 * fixed number of requests rather than a duration, so none is cut off in flight at the end and the
 * 2xx answers can be reconciled exactly with the handler calls.
 */
export async function soakLoad(
  port: number,
  seconds: number,
  rate: number,
): Promise<{ ok: number; failed: number; seconds: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${webhookPath}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: authorizationKey },
    body: soakBody,
    idReplacement: true,
    connections: 20,
    overallRate: rate,
    amount: Math.round(seconds * rate),
  });
  return {
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}
