import autocannon from 'autocannon';
import { webhookPath } from '../lib/constants.js';
import type { RequestSpec } from './candidate.js';

export interface LoadResult {
  /** 2xx answers per second. */
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly ok: number;
  /** Answers that were not 2xx, socket errors and timeouts: all must be 0 for a valid measurement. */
  readonly failed: number;
}

/** autocannon against 127.0.0.1: 50 connections, keep-alive, one request in flight per connection. */
export async function load(port: number, request: RequestSpec, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${webhookPath}`,
    method: 'POST',
    headers: { ...request.headers },
    body: request.body,
    idReplacement: request.uniqueIds === true,
    connections: 50,
    duration: seconds,
  });
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
