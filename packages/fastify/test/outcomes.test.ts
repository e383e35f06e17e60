import { describe } from 'vitest';
import { outcomeTable } from '../../../test/adapter-kit/outcome-table.js';
import { fastifyPlugin } from '../src/plugin.js';
import { mounted } from './helpers/fastify-app.js';

describe('fastifyPlugin via inject()', () => {
  outcomeTable((receiver) =>
    mounted('inject', '/fusionauth-webhook', (app) =>
      app.register(fastifyPlugin(receiver, { path: '/fusionauth-webhook' })),
    ),
  );
});

describe('fastifyPlugin over HTTP', () => {
  outcomeTable((receiver) =>
    mounted('http', '/fusionauth-webhook', (app) =>
      app.register(fastifyPlugin(receiver, { path: '/fusionauth-webhook' })),
    ),
  );
});

describe('fastifyPlugin under register(…, { prefix })', () => {
  outcomeTable((receiver) =>
    mounted('http', '/hooks/fusionauth', (app) =>
      app.register(fastifyPlugin(receiver, { path: '/fusionauth' }), { prefix: '/hooks' }),
    ),
  );
});
