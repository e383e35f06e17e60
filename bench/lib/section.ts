import type { SectionReport } from './report.js';

export interface SectionContext {
  /** Smoke run: every candidate briefly; the numbers mean nothing. */
  readonly quick: boolean;
}

export type RunSection = (context: SectionContext) => Promise<SectionReport>;
