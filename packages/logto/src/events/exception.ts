import { z } from 'zod';
import { opt } from './common.js';

export const identifierLockout = { type: opt(z.string()), value: opt(z.string()) };
export const messageRateLimited = { action: opt(z.string()), recipient: opt(z.string()) };
export const grantLimitExceeded = {
  userId: opt(z.string()),
  applicationId: opt(z.string().describe('The registered application; absent for a CIMD client.')),
  cimdClientId: opt(z.string().describe('The CIMD client identifier URL, set instead of `applicationId`.')),
  revokedGrantIds: opt(z.array(z.string())),
  maxAllowedGrants: opt(z.number()),
  preRevocationActiveGrantCount: opt(z.number()),
};
