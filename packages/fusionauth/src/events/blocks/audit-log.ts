import { z } from 'zod';
import type { AuditLog } from '../generated/types.js';
import { instant, jsonObject, opt } from './helpers.js';

export const auditLogObject = z.looseObject({
  id: z.number().describe('A sequence number, not a UUID.'),
  data: opt(jsonObject()),
  insertInstant: opt(instant()),
  insertUser: opt(z.string()),
  message: opt(z.string()),
  newValue: opt(z.unknown()),
  oldValue: opt(z.unknown()),
  reason: opt(z.string()),
  tenantId: opt(z.string()),
});
export const auditLogSchema: z.ZodType<AuditLog> = auditLogObject;
