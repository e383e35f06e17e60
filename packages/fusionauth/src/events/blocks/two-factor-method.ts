import { z } from 'zod';
import { instant, openEnum, opt, stringList } from './helpers.js';

export const twoFactorMethodSchema = z.looseObject({
  id: opt(z.string()),
  authenticator: opt(
    z.looseObject({
      algorithm: opt(openEnum(['HmacSHA1', 'HmacSHA256', 'HmacSHA512'] as const)),
      codeLength: opt(z.number()),
      timeStep: opt(z.number()),
    }),
  ),
  email: opt(z.string()),
  lastUsed: opt(z.boolean()),
  method: opt(openEnum(['authenticator', 'email', 'sms'] as const)),
  mobilePhone: opt(z.string()),
  secret: opt(z.string()),
});

export type TwoFactorMethod = z.output<typeof twoFactorMethodSchema>;

/** `user.twoFactor`. */
export const userTwoFactorSchema = z.looseObject({
  methods: opt(z.array(twoFactorMethodSchema)),
  recoveryCodes: opt(stringList()),
  lastUpdateInstant: opt(instant()),
});

export type UserTwoFactor = z.output<typeof userTwoFactorSchema>;
