import { deleteUserData } from './app-code.mjs';
// #region readme
import Fastify from 'fastify';
import { fusionWebhook } from '@authhooks/fastify';

const app = Fastify({ logger: true }); // authhooks logs through request.log
await app.register(
  fusionWebhook({ path: '/fusionauth-webhook' }).on('user.delete', (event, ctx) =>
    deleteUserData(event.user.id, { signal: ctx.signal }),
  ),
);
await app.listen({ port: 3000 });
// #endregion readme
