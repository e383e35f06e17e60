import { z } from 'zod';
import { baseEventShape, eventSchema } from './blocks/base-event.js';
import { openEnum, opt } from './blocks/helpers.js';
import { twoFactorMethodSchema } from './blocks/two-factor-method.js';
import { userSchema } from './blocks/user.js';

export const clientRiskSchema = openEnum(['LOW', 'MEDIUM', 'HIGH'] as const);
export const messageTypeSchema = openEnum(['SMS', 'Voice'] as const);

const methodChange = { user: userSchema, method: opt(twoFactorMethodSchema) };
const challenge = { user: userSchema, applicationId: opt(z.string()), clientRisk: opt(clientRiskSchema) };
const attempt = {
  ...challenge,
  messageType: opt(messageTypeSchema),
  /** The method's name here (`authenticator`, `email`, `sms`), not a TwoFactorMethod object. */
  method: opt(openEnum(['authenticator', 'email', 'sms'] as const)),
};

export const userTwoFactorMethodAddEventSchema = eventSchema('user.two-factor.method.add', methodChange);
export const userTwoFactorMethodRemoveEventSchema = eventSchema(
  'user.two-factor.method.remove',
  methodChange,
);
export const userTwoFactorChallengeEventSchema = eventSchema('user.two-factor.challenge', challenge);
export const userTwoFactorSuccessEventSchema = eventSchema('user.two-factor.success', attempt);

/** The docs page and its example spell it `failed.attempt`; the API list and TS client `failed-attempt`. */
export const userTwoFactorFailedAttemptEventSchema = z.looseObject({
  type: z.enum(['user.two-factor.failed-attempt', 'user.two-factor.failed.attempt']),
  ...baseEventShape,
  ...attempt,
});

export type UserTwoFactorMethodAddEvent = z.output<typeof userTwoFactorMethodAddEventSchema>;
export type UserTwoFactorMethodRemoveEvent = z.output<typeof userTwoFactorMethodRemoveEventSchema>;
export type UserTwoFactorChallengeEvent = z.output<typeof userTwoFactorChallengeEventSchema>;
export type UserTwoFactorSuccessEvent = z.output<typeof userTwoFactorSuccessEventSchema>;
export type UserTwoFactorFailedAttemptEvent = z.output<typeof userTwoFactorFailedAttemptEventSchema>;
