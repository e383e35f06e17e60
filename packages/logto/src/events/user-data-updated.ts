import { z } from 'zod';
import { jsonObject, logtoEvent, opt, userProfileSchema } from './common.js';
import { userDataSchema } from './data.js';

// `User.Data.Updated` carries in `data` what the route that changed the user answered, and that differs
// per route (Logto's `managementApiHooksRegistration` and admin-user/basics.ts):
// - PATCH /users/:userId and PATCH /users/:userId/password answer the user;
// - PATCH /users/:userId/custom-data answers the user's custom data, any JSON object;
// - PATCH /users/:userId/profile answers the profile (whose OIDC `profile` claim is a URL string);
// - the Experience API, the Account API (/api/my-account) and PATCH /users/:userId/logto-configs send
//   the user, with no route fields at all.
// So `matchedRoute` discriminates. A route Logto adds later fails `matchedRoute` only: lenient validation
// leaves that field out and reads `data` as the user; `validation: 'strict'` refuses it.

export const userRoutes = ['/users/:userId', '/users/:userId/password'] as const;

export const userDataUpdatedUserObject = logtoEvent('User.Data.Updated', {
  matchedRoute: opt(z.enum(userRoutes)),
  data: opt(userDataSchema),
}).describe(
  '`User.Data.Updated` with the user in `data`: a Management API route that answers the user, or none.',
);

export const userDataUpdatedCustomDataObject = logtoEvent('User.Data.Updated', {
  matchedRoute: z.literal('/users/:userId/custom-data'),
  data: opt(jsonObject.describe('The user’s custom data, as the route answered it: any JSON object.')),
}).describe('`User.Data.Updated` from `PATCH /users/:userId/custom-data`: `data` is the custom data.');

export const userDataUpdatedProfileObject = logtoEvent('User.Data.Updated', {
  matchedRoute: z.literal('/users/:userId/profile'),
  data: opt(userProfileSchema),
}).describe('`User.Data.Updated` from `PATCH /users/:userId/profile`: `data` is the profile.');

export const userDataUpdatedUnion = z
  .discriminatedUnion('matchedRoute', [
    userDataUpdatedUserObject,
    userDataUpdatedCustomDataObject,
    userDataUpdatedProfileObject,
  ])
  .describe('A user changed; what `data` holds depends on `matchedRoute`.');
