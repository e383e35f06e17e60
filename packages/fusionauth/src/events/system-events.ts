import { z } from 'zod';
import { auditLogSchema } from './blocks/audit-log.js';
import { eventSchema } from './blocks/base-event.js';
import { eventLogSchema } from './blocks/event-log.js';
import { opt } from './blocks/helpers.js';

export const auditLogCreateEventSchema = eventSchema('audit-log.create', { auditLog: auditLogSchema });
export const eventLogCreateEventSchema = eventSchema('event-log.create', { eventLog: eventLogSchema });
export const kickstartSuccessEventSchema = eventSchema('kickstart.success', { instanceId: opt(z.string()) });
/** Sent by the Kafka integration and the TS client's `EventType.Test`. */
export const testEventSchema = eventSchema('test', { message: opt(z.string()) });

export type AuditLogCreateEvent = z.output<typeof auditLogCreateEventSchema>;
export type EventLogCreateEvent = z.output<typeof eventLogCreateEventSchema>;
export type KickstartSuccessEvent = z.output<typeof kickstartSuccessEventSchema>;
export type TestEvent = z.output<typeof testEventSchema>;
