import { z } from 'zod';
import { jsonObject, openEnum, opt } from './blocks/helpers.js';
import { userSchema } from './blocks/user.js';
import type { LoginFailureReason } from './generated/types.js';

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

export const authenticationThreatSchema = openEnum([
  'BotDetected',
  'BlocklistedIp',
  'DormantAccount',
  'DormantPassword',
  'ImpossibleTravel',
  'RecentIdentityChange',
  'RecentPasswordChange',
  'SuspiciousUserAgent',
  'UnrecognizedDevice',
  'UntrustedDevice',
] as const);

/** One of FusionAuth's `Error`s: a code, a message and optional data. */
const fusionAuthError = z.looseObject({
  code: opt(z.string()),
  data: opt(jsonObject()),
  message: opt(z.string()),
});

export const loginFailureReasonObject = z.looseObject({
  code: opt(openEnum(['credentials', 'lambdaValidation'] as const)),
  lambdaId: opt(z.string()),
  lambdaResult: opt(
    z
      .looseObject({
        fieldErrors: opt(z.record(z.string(), z.array(fusionAuthError))),
        generalErrors: opt(z.array(fusionAuthError)),
      })
      .describe("The login validation lambda's `Errors`."),
  ),
});
export const loginFailureReasonSchema: z.ZodType<LoginFailureReason> = loginFailureReasonObject;

export const login = {
  user: userSchema,
  applicationId: opt(z.string()),
  authenticationType: opt(authenticationTypeSchema),
  connectorId: opt(z.string()),
  identityProviderId: opt(z.string()),
  identityProviderName: opt(z.string()),
  ipAddress: opt(z.string().describe('Deprecated since 1.30.0 in favour of `info.ipAddress`.')),
};
/** FusionAuth's UserLoginFailedEvent: no connector or identity provider fields, unlike a success. */
export const loginFailed = {
  user: userSchema,
  applicationId: login.applicationId,
  authenticationType: login.authenticationType,
  ipAddress: login.ipAddress,
  reason: opt(loginFailureReasonSchema),
};
export const loginSuspicious = { ...login, threatsDetected: opt(z.array(authenticationThreatSchema)) };
