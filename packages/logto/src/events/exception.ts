import { z } from 'zod';
import { logtoEvent, opt } from './common.js';

export const identifierLockoutSchema = logtoEvent('Identifier.Lockout', {
  type: opt(z.string()),
  value: opt(z.string()),
});
export const messageRateLimitedSchema = logtoEvent('Message.RateLimited', {
  action: opt(z.string()),
  recipient: opt(z.string()),
});
export const grantLimitExceededSchema = logtoEvent('Grant.LimitExceeded', {
  userId: opt(z.string()),
  revokedGrantIds: opt(z.array(z.string())),
  maxAllowedGrants: opt(z.number()),
  preRevocationActiveGrantCount: opt(z.number()),
});

export type LogtoIdentifierLockoutEvent = z.output<typeof identifierLockoutSchema>;
export type LogtoMessageRateLimitedEvent = z.output<typeof messageRateLimitedSchema>;
export type LogtoGrantLimitExceededEvent = z.output<typeof grantLimitExceededSchema>;
