import { z } from 'zod';
import { opt } from './blocks/helpers.js';
import { userSchema } from './blocks/user.js';
import {
  userRegistrationSchema,
  userRegistrationWithApplicationIdSchema,
} from './blocks/user-registration.js';

export const registration = {
  user: userSchema,
  registration: userRegistrationWithApplicationIdSchema,
  applicationId: opt(z.string()),
};
export const registrationWithOriginal = { ...registration, original: opt(userRegistrationSchema) };
