import { fusionWebhook } from '@authhooks/fastify';
// #region readme
import Fastify from 'fastify';
import { deleteUserData } from './app-code.mjs';

const app = Fastify({ logger: true }); // authhooks logs through request.log
await app.register(
  fusionWebhook({ path: '/fusionauth-webhook' }).on('user.delete', (event, ctx) =>
    deleteUserData(event.user.id, { signal: ctx.signal }),
  ),
);
await app.listen({ port: 3000 });
// #endregion readme
