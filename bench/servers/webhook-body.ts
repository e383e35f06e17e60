/** The part of a FusionAuth delivery the hand-written candidates read. */
export interface WebhookBody {
  readonly event?: { readonly user?: { readonly id?: unknown } };
}

/** The answer the hand-written candidates give a handled delivery. */
export const okBody = '{"ok":true}';
export const unauthorizedBody = '{"error":"unauthorized"}';
export const jsonHeaders = { 'content-type': 'application/json' } as const;
