import { deleteUserData } from './app-code.mjs';
// #region readme
// app/fusionauth-webhook/route.ts
import { type FusionAuthReceiver, fusionReceiver } from '@authhooks/fusionauth';

let receiver: FusionAuthReceiver | undefined; // made on the first request: `next build` needs no secret

export function POST(request: Request): Promise<Response> {
  receiver ??= fusionReceiver().on('user.delete', (event, ctx) =>
    deleteUserData(event.user.id, { signal: ctx.signal }),
  );
  return receiver.fetch(request);
}
// #endregion readme
