import type { HandlerContext } from '@authhooks/core';
import type { FusionAuthContext, UserDeleteEvent } from '@authhooks/fusionauth';

export const handledUsers: string[] = [];

/** A typed handler written once and registered on every adapter. */
export function onUserDelete(event: UserDeleteEvent, ctx: HandlerContext<FusionAuthContext>): void {
  const userId: string = event.user.id;
  handledUsers.push(userId);
  ctx.log.info({ userId, transactional: ctx.transactional }, 'consumer app: user deleted');
}

export function hmacSecretFromEnv(): string {
  const secret = process.env.FUSIONAUTH_WEBHOOK_HMAC_SECRET;
  if (!secret) throw new Error('Set FUSIONAUTH_WEBHOOK_HMAC_SECRET.');
  return secret;
}
