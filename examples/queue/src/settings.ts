/** Where the receiver and the worker meet: one Redis (the queue and the app's data) and one queue name. */
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const queueName = process.env.QUEUE_NAME ?? 'authhooks-example';

/** The Authorization header value configured on the webhook in FusionAuth. */
export function webhookAuthorization(): string {
  const value = process.env.FUSIONAUTH_WEBHOOK_AUTHORIZATION;
  if (!value) {
    console.error(
      'Set FUSIONAUTH_WEBHOOK_AUTHORIZATION to the Authorization header value configured on the webhook.',
    );
    process.exit(1);
  }
  return value;
}
