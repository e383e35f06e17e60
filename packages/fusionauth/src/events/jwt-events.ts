import { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { opt, stringList } from './blocks/helpers.js';
import { refreshTokenSchema } from './blocks/refresh-token.js';
import { userSchema } from './blocks/user.js';

export const jwtPublicKeyUpdateEventSchema = eventSchema('jwt.public-key.update', {
  applicationIds: opt(stringList()),
});

export const jwtRefreshEventSchema = eventSchema('jwt.refresh', {
  applicationId: opt(z.string()),
  /** The previous access token (encoded JWT). */
  original: opt(z.string()),
  refreshToken: opt(z.string()),
  token: opt(z.string()),
  userId: opt(z.string()),
});

/** One token, all of a user's tokens, or all tokens of an application: `user` is absent in the last case. */
export const jwtRefreshTokenRevokeEventSchema = eventSchema('jwt.refresh-token.revoke', {
  applicationId: opt(z.string()),
  /** Application id → access-token lifetime, so receivers know how long issued JWTs stay valid. */
  applicationTimeToLiveInSeconds: opt(z.record(z.string(), z.number())),
  refreshToken: opt(refreshTokenSchema),
  user: opt(userSchema),
  userId: opt(z.string()),
});

export type JwtPublicKeyUpdateEvent = z.output<typeof jwtPublicKeyUpdateEventSchema>;
export type JwtRefreshEvent = z.output<typeof jwtRefreshEventSchema>;
export type JwtRefreshTokenRevokeEvent = z.output<typeof jwtRefreshTokenRevokeEventSchema>;
