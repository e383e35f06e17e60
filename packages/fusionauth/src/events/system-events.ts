import { z } from 'zod';
import { auditLogSchema } from './blocks/audit-log.js';
import { eventLogSchema } from './blocks/event-log.js';
import { opt } from './blocks/helpers.js';

export const auditLogCreate = { auditLog: auditLogSchema };
export const eventLogCreate = { eventLog: eventLogSchema };
export const kickstartSuccess = { instanceId: opt(z.string()) };
export const testMessage = { message: opt(z.string()) };
