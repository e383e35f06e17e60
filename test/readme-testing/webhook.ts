import { fusionWebhook } from '@authhooks/express';

export const deletedUsers: string[] = [];

// No options: the Authorization value comes from FUSIONAUTH_WEBHOOK_AUTHORIZATION.
export const webhook = fusionWebhook()
  .on('user.registration.create', (event, ctx) => {
    if (event.user?.email?.endsWith('@blocked.example'))
      ctx.reject('registration not allowed for this domain');
  })
  .on('user.delete', (event) => {
    deletedUsers.push(event.user.id);
  });
