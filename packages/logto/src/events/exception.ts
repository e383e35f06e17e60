import { z } from 'zod';
import { opt } from './common.js';

/**
 * Logto does not fill `data` on these events, but its payload type allows it (`data?: unknown`) and the
 * Console's test delivery carries a placeholder: accepted, untyped.
 */
const exceptionData = {
  data: opt(z.unknown()).describe(
    'Not set by Logto for this event; a Console test delivery carries a placeholder.',
  ),
};
export const identifierLockout = { ...exceptionData, type: opt(z.string()), value: opt(z.string()) };
export const messageRateLimited = { ...exceptionData, action: opt(z.string()), recipient: opt(z.string()) };
export const grantLimitExceeded = {
  ...exceptionData,
  userId: opt(z.string()),
  applicationId: opt(z.string().describe('The registered application; absent for a CIMD client.')),
  cimdClientId: opt(z.string().describe('The CIMD client identifier URL, set instead of `applicationId`.')),
  revokedGrantIds: opt(z.array(z.string())),
  maxAllowedGrants: opt(z.number()),
  preRevocationActiveGrantCount: opt(z.number()),
};
