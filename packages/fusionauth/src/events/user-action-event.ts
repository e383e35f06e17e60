import { z } from 'zod';
import { instant, openEnum, opt, stringList } from './blocks/helpers.js';
import type { Email, EmailAddress } from './generated/types.js';

export const emailAddressObject = z.looseObject({ address: opt(z.string()), display: opt(z.string()) });
export const emailAddressSchema: z.ZodType<EmailAddress> = emailAddressObject;

export const emailObject = z.looseObject({
  attachments: opt(
    z.array(
      z.looseObject({
        attachment: opt(z.array(z.number()).describe('The file, as bytes.')),
        mime: opt(z.string()),
        name: opt(z.string()),
      }),
    ),
  ),
  bcc: opt(z.array(emailAddressSchema)),
  cc: opt(z.array(emailAddressSchema)),
  from: opt(emailAddressSchema),
  html: opt(z.string()),
  replyTo: opt(emailAddressSchema),
  subject: opt(z.string()),
  text: opt(z.string()),
  to: opt(z.array(emailAddressSchema)),
});
export const emailSchema: z.ZodType<Email> = emailObject;

export const userAction = {
  action: opt(z.string()),
  actionId: opt(z.string()),
  actioneeUserId: opt(z.string()),
  actionerUserId: opt(z.string()),
  applicationIds: opt(stringList()),
  comment: opt(z.string()),
  email: opt(emailSchema),
  emailedUser: opt(z.boolean()),
  expiry: opt(instant()),
  localizedAction: opt(z.string()),
  localizedDuration: opt(z.string()),
  localizedOption: opt(z.string()),
  localizedReason: opt(z.string()),
  notifyUser: opt(z.boolean()),
  option: opt(z.string()),
  phase: opt(openEnum(['start', 'modify', 'cancel', 'end'] as const)),
  reason: opt(z.string()),
  reasonCode: opt(z.string()),
};
