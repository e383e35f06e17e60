import {
  fusionAuthCatalogue as catalogue,
  type FusionAuthEventScope,
  fusionAuthTypeAliases,
} from './catalogue.js';
import type { FusionAuthEventType } from './generated/types.js';

export interface FusionAuthEventMetadata {
  /** FusionAuth may roll back the triggering operation when webhooks fail (see the tenant's transaction type). */
  readonly transactional: boolean;
  /** The FusionAuth version that introduced the event; null where the docs state none (pre-1.6 events). */
  readonly since: string | null;
  /** `instance`: system event, not tenant-scoped. `application`: tenant-or-application scoped before 1.37.0. */
  readonly scope: FusionAuthEventScope;
  readonly description: string;
}

export const fusionAuthEventMetadata = Object.fromEntries(
  Object.entries(catalogue).map(([type, [, transactional, since, scope, description]]) => [
    type,
    { transactional, since, scope, description },
  ]),
) as { readonly [K in FusionAuthEventType]: FusionAuthEventMetadata };

/** Whether FusionAuth may roll back on a failed delivery of this type; false for unknown types. */
export function isTransactional(type: string): boolean {
  const canonical = (fusionAuthTypeAliases as Readonly<Record<string, string>>)[type] ?? type;
  return Object.hasOwn(fusionAuthEventMetadata, canonical)
    ? fusionAuthEventMetadata[canonical as FusionAuthEventType].transactional
    : false;
}
