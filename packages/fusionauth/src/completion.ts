import type { EventCompletion } from '@authhooks/core';
import { fusionAuthEventSchemas } from './events/index.js';

const suffix = '.complete';
const known = (type: string) => Object.hasOwn(fusionAuthEventSchemas, type);

const idOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * FusionAuth fires `<type>.complete` after it committed the operation `<type>` announced (user,
 * registration, group, group member, entity). Both events carry the same object, which pairs them:
 * the user; the user and application for a registration; the group; the group and its members' users;
 * the entity.
 */
export const fusionAuthCompletion: EventCompletion = {
  completeTypeOf(type) {
    if (type.endsWith(suffix)) return undefined;
    const complete = `${type}${suffix}`;
    return known(complete) ? complete : undefined;
  },
  baseTypeOf(type) {
    if (!type.endsWith(suffix)) return undefined;
    const base = type.slice(0, -suffix.length);
    return known(type) && known(base) ? base : undefined;
  },
  objectKey(type, event) {
    const e = event as Record<string, unknown>;
    if (type.startsWith('user.registration.')) {
      const user = idOf(e.user);
      const registration = e.registration as { applicationId?: unknown } | undefined;
      const application = registration?.applicationId ?? e.applicationId;
      return user === undefined || typeof application !== 'string'
        ? undefined
        : `user:${user}:app:${application}`;
    }
    if (type.startsWith('group.member.')) {
      const group = idOf(e.group);
      const members = Array.isArray(e.members) ? e.members : [];
      const users = members
        .map((member) => (member as { userId?: unknown } | null)?.userId)
        .filter((id): id is string => typeof id === 'string')
        .sort();
      return group === undefined ? undefined : `group:${group}:members:${users.join(',')}`;
    }
    if (type.startsWith('group.')) return prefixed('group', idOf(e.group));
    if (type.startsWith('entity.')) return prefixed('entity', idOf(e.entity));
    if (type.startsWith('user.')) return prefixed('user', idOf(e.user));
    return undefined;
  },
};

function prefixed(kind: string, id: string | undefined): string | undefined {
  return id === undefined ? undefined : `${kind}:${id}`;
}
