import { userUpdateBody } from '../http/candidates.js';
import { measureServers } from '../http/measure.js';
import { loadPlan } from '../http/plan.js';
import { candidatesTable, ratiosTable } from '../http/tables.js';
import type { SectionReport } from '../lib/report.js';
import type { SectionContext } from '../lib/section.js';
import { signatureCandidates, signatureComparisons } from './candidates.js';

/** Section 2: X-FusionAuth-Signature-JWT on node:http against node:crypto by hand and @octokit/webhooks. */
export async function signatureSection({ quick }: SectionContext): Promise<SectionReport> {
  const candidates = signatureCandidates();
  const measurements = await measureServers(candidates, loadPlan(quick));
  const what = `node:http, 50 connections, ${userUpdateBody.byteLength} B body, keys generated at run time`;
  return {
    tables: [
      ratiosTable(`Signatures: authhooks ÷ baseline (${what})`, signatureComparisons(), measurements),
      candidatesTable('Signatures: candidates', candidates, measurements),
    ],
    failures: measurements.failures,
  };
}
