import { fusionWebhook } from '@authhooks/express';
import { db, fusionAuthApi } from './app-code.mjs';

// #region readme
const webhook = fusionWebhook({
  // Asked only when no *.complete arrived within the window: did FusionAuth commit after all?
  commit: {
    windowMs: 60_000,
    confirm: async (event) => event.type === 'user.create' && fusionAuthApi.userExists(event.user.id),
  },
})
  .on('user.create', async (event, ctx) => {
    if (event.user.email?.endsWith('@blocked.example')) ctx.reject('not allowed'); // one failed vote
    await db.users.insert(event.user.id, { status: 'pending' }); // FusionAuth may still roll back
  })
  .onCommit('user.create', async (event) => {
    await db.users.upsert(event.user.id, { status: 'active' }); // user.create.complete arrived (or confirm said so)
  })
  .onRollback('user.create', async (event) => {
    await db.users.delete(event.user.id); // not committed: no ghost user
  });
// #endregion readme

export { webhook };
