import { z } from 'zod';
import type { TwoFactorMethod, UserTwoFactor } from '../generated/types.js';
import { instant, openEnum, opt, stringList } from './helpers.js';

export const twoFactorMethodObject = z.looseObject({
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
  name: opt(z.string()),
  secret: opt(z.string()),
});
export const twoFactorMethodSchema: z.ZodType<TwoFactorMethod> = twoFactorMethodObject;

export const userTwoFactorObject = z
  .looseObject({
    methods: opt(z.array(twoFactorMethodSchema)),
    recoveryCodes: opt(stringList()),
    lastUpdateInstant: opt(instant()),
  })
  .describe('`user.twoFactor`.');
export const userTwoFactorSchema: z.ZodType<UserTwoFactor> = userTwoFactorObject;
