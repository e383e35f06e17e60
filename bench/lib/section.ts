import type { SoakSettings } from './args.js';
import type { SectionReport } from './report.js';

export interface SectionContext {
  /** Smoke run: every candidate briefly; the numbers mean nothing. */
  readonly quick: boolean;
  /** The soak section's long setting. */
  readonly soak: SoakSettings;
}

export type RunSection = (context: SectionContext) => Promise<SectionReport>;
