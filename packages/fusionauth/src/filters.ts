import type { RawEvent } from '@authhooks/core';

export interface Filters {
  readonly tenantIds?: readonly string[] | undefined;
  readonly applicationIds?: readonly string[] | undefined;
}

/** The `exclude` hook: a reason when the event belongs to a tenant or application this receiver does not serve. */
export function createExclude({ tenantIds, applicationIds }: Filters) {
  const tenants = tenantIds && new Set(nonEmpty(tenantIds, 'tenantIds'));
  const applications = applicationIds && new Set(nonEmpty(applicationIds, 'applicationIds'));
  if (!tenants && !applications) return undefined;

  return (event: RawEvent): string | undefined => {
    if (tenants && typeof event.tenantId === 'string' && !tenants.has(event.tenantId)) {
      return 'tenant is not in tenantIds';
    }
    if (applications) {
      const ids = applicationIdsOf(event);
      if (ids.length > 0 && !ids.some((id) => applications.has(id)))
        return 'application is not in applicationIds';
    }
    return undefined;
  };
}

function applicationIdsOf(event: RawEvent): string[] {
  const ids: string[] = [];
  if (typeof event.applicationId === 'string') ids.push(event.applicationId);
  if (Array.isArray(event.applicationIds)) {
    for (const id of event.applicationIds) if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

function nonEmpty(ids: readonly string[], name: string): readonly string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw new TypeError(`authhooks: ${name} must be a non-empty list of ids; omit it to accept all.`);
  }
  return ids;
}
