import { z } from 'zod';
import { openEnum, opt } from './blocks/helpers.js';
import { twoFactorMethodSchema } from './blocks/two-factor-method.js';
import { userSchema } from './blocks/user.js';

export const clientRiskSchema = openEnum(['LOW', 'MEDIUM', 'HIGH'] as const);
export const messageTypeSchema = openEnum(['SMS', 'Voice'] as const);

export const twoFactorMethodChange = { user: userSchema, method: opt(twoFactorMethodSchema) };
export const twoFactorChallenge = {
  user: userSchema,
  applicationId: opt(z.string()),
  clientRisk: opt(clientRiskSchema),
};
export const twoFactorAttempt = {
  ...twoFactorChallenge,
  messageType: opt(messageTypeSchema),
  method: opt(openEnum(['authenticator', 'email', 'sms'] as const)).describe(
    "The method's name here (`authenticator`, `email`, `sms`), not a TwoFactorMethod object.",
  ),
};
