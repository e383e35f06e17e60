import { z } from 'zod';
import { logtoEvent, opt, userEntitySchema } from './common.js';

const interaction = { userId: opt(z.string()), userIp: opt(z.string()), user: opt(userEntitySchema) };

export const postRegisterSchema = logtoEvent('PostRegister', interaction);
export const postSignInSchema = logtoEvent('PostSignIn', interaction);
export const postResetPasswordSchema = logtoEvent('PostResetPassword', interaction);
export const postSignInAdaptiveMfaTriggeredSchema = logtoEvent('PostSignInAdaptiveMfaTriggered', {
  ...interaction,
  adaptiveMfaResult: opt(z.record(z.string(), z.unknown())),
});

export type LogtoPostRegisterEvent = z.output<typeof postRegisterSchema>;
export type LogtoPostSignInEvent = z.output<typeof postSignInSchema>;
export type LogtoPostResetPasswordEvent = z.output<typeof postResetPasswordSchema>;
export type LogtoPostSignInAdaptiveMfaTriggeredEvent = z.output<typeof postSignInAdaptiveMfaTriggeredSchema>;
