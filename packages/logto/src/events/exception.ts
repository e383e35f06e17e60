import { z } from 'zod';
import { opt } from './common.js';

export const identifierLockout = { type: opt(z.string()), value: opt(z.string()) };
export const messageRateLimited = { action: opt(z.string()), recipient: opt(z.string()) };
export const grantLimitExceeded = {
  userId: opt(z.string()),
  revokedGrantIds: opt(z.array(z.string())),
  maxAllowedGrants: opt(z.number()),
  preRevocationActiveGrantCount: opt(z.number()),
};
