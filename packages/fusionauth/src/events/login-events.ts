import { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { openEnum, opt } from './blocks/helpers.js';
import { userSchema } from './blocks/user.js';

export const authenticationTypeSchema = openEnum([
  'APPLE',
  'APPLICATION_TOKEN',
  'EPIC_GAMES',
  'FACEBOOK',
  'FEDERATED_JWT',
  'GENERIC_CONNECTOR',
  'GOOGLE',
  'HYPR',
  'JWT_SSO',
  'LDAP_CONNECTOR',
  'LINKEDIN',
  'NINTENDO',
  'ONE_TIME_PASSWORD',
  'OPENID_CONNECT',
  'PASSWORD',
  'PASSWORDLESS',
  'PING',
  'REFRESH_TOKEN',
  'REGISTRATION',
  'SAMLv2',
  'SAMLv2IdpInitiated',
  'SONY_PSN',
  'STEAM',
  'TWITCH',
  'TWITTER',
  'USER_CREATE',
  'WEB_AUTHN',
  'XBOX',
] as const);

export const authenticationThreatSchema = openEnum(['ImpossibleTravel'] as const);

const login = {
  user: userSchema,
  applicationId: opt(z.string()),
  authenticationType: opt(authenticationTypeSchema),
  connectorId: opt(z.string()),
  identityProviderId: opt(z.string()),
  identityProviderName: opt(z.string()),
  /** Deprecated since 1.30.0 in favour of `info.ipAddress`. */
  ipAddress: opt(z.string()),
};

export const loginFailureReasonSchema = z.looseObject({
  code: opt(openEnum(['credentials', 'lambdaValidation'] as const)),
  lambdaId: opt(z.string()),
  lambdaResult: opt(z.looseObject({ errors: opt(z.unknown()) })),
});

export const userLoginSuccessEventSchema = eventSchema('user.login.success', login);
export const userLoginFailedEventSchema = eventSchema('user.login.failed', {
  ...login,
  reason: opt(loginFailureReasonSchema),
});
export const userLoginNewDeviceEventSchema = eventSchema('user.login.new-device', login);
export const userLoginSuspiciousEventSchema = eventSchema('user.login.suspicious', {
  ...login,
  threatsDetected: opt(z.array(authenticationThreatSchema)),
});

export type UserLoginSuccessEvent = z.output<typeof userLoginSuccessEventSchema>;
export type UserLoginFailedEvent = z.output<typeof userLoginFailedEventSchema>;
export type UserLoginNewDeviceEvent = z.output<typeof userLoginNewDeviceEventSchema>;
export type UserLoginSuspiciousEvent = z.output<typeof userLoginSuspiciousEventSchema>;
