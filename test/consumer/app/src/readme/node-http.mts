import { deleteUserData } from './app-code.mjs';
// #region readme
import { createServer } from 'node:http';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';

const receiver = fusionReceiver().on('user.delete', (event, ctx) =>
  deleteUserData(event.user.id, { signal: ctx.signal }),
);
createServer(nodeHandler(receiver)).listen(3000);
// #endregion readme
