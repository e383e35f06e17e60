/** The Authorization header value every header-checked candidate expects. */
export const authorizationKey = 'bench-authorization-value-0123456789abcdef';
/** What the "wrong key" requests send instead. */
export const wrongAuthorizationKey = 'bench-authorization-value-0123456789abcdeX';
/** Every server answers on this path. */
export const webhookPath = '/hook';
