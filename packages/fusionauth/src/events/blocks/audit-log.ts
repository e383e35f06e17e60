import { z } from 'zod';
import { instant, jsonObject, opt } from './helpers.js';

export const auditLogSchema = z.looseObject({
  /** A sequence number, not a UUID. */
  id: z.number(),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  insertUser: opt(z.string()),
  message: opt(z.string()),
  newValue: opt(z.unknown()),
  oldValue: opt(z.unknown()),
  reason: opt(z.string()),
  tenantId: opt(z.string()),
});

export type AuditLog = z.output<typeof auditLogSchema>;
