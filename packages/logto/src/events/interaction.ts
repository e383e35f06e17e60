import { z } from 'zod';
import { jsonObject, opt, userEntitySchema } from './common.js';

/** Fields of the interaction events (the hosted sign-in experience). */
export const interaction = { userId: opt(z.string()), userIp: opt(z.string()), user: opt(userEntitySchema) };
export const adaptiveMfaTriggered = { ...interaction, adaptiveMfaResult: opt(jsonObject) };
