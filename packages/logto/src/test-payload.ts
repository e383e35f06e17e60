import type { RawEvent } from '@authhooks/core';

/**
 * The Console's "Send test payload" builds fake bodies: `userAgent: "fake-user-agent"` plus
 * `userIp: "fake-user-ip"` (interaction events) or `path: "/fake-path/:id"` (data and exception events).
 */
export function isLogtoTestPayload(event: RawEvent): boolean {
  return (
    event.userAgent === 'fake-user-agent' &&
    (event.userIp === 'fake-user-ip' || event.path === '/fake-path/:id')
  );
}
