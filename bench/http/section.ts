import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { httpCandidates, httpComparisons, userUpdateBody } from './candidates.js';
import { measureServers } from './measure.js';
import { loadPlan } from './plan.js';
import { candidatesTable, ratiosTable } from './tables.js';

/** Section 1: authhooks in each framework against the hand-written route, over HTTP with autocannon. */
export async function httpSection({ quick }: SectionContext): Promise<SectionReport> {
  const candidates = httpCandidates();
  const measurements = await measureServers(candidates, loadPlan(quick));
  const what = `50 connections, ${userUpdateBody.byteLength} B user.update, Authorization header check`;
  return {
    tables: [
      ratiosTable(`HTTP: authhooks ÷ hand-written (${what})`, httpComparisons(), measurements),
      candidatesTable('HTTP: candidates', candidates, measurements),
    ],
    failures: measurements.failures,
  };
}
