import { z } from 'zod';
import { opt, stringList } from './blocks/helpers.js';
import { refreshTokenSchema } from './blocks/refresh-token.js';
import { userSchema } from './blocks/user.js';

export const jwtPublicKeyUpdate = { applicationIds: opt(stringList()) };

export const jwtRefresh = {
  applicationId: opt(z.string()),
  original: opt(z.string().describe('The previous access token (encoded JWT).')),
  refreshToken: opt(z.string()),
  token: opt(z.string()),
  userId: opt(z.string()),
};

/** One token, all of a user's tokens, or all tokens of an application: `user` is absent in the last case. */
export const jwtRefreshTokenRevoke = {
  applicationId: opt(z.string()),
  applicationTimeToLiveInSeconds: opt(z.record(z.string(), z.number())).describe(
    'Application id → access-token lifetime, so receivers know how long issued JWTs stay valid.',
  ),
  refreshToken: opt(refreshTokenSchema),
  user: opt(userSchema),
  userId: opt(z.string()),
};
