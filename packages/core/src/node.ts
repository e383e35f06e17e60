export { type NodeHandler, nodeHandler, nodeRequest } from './node/handler.js';
export { nodeHeaders } from './node/headers.js';
export { readNodeBody } from './node/read-body.js';
export { closeAfterAnswer, closesConnection, writeNodeAnswer } from './node/write-answer.js';
