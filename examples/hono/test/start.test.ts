import { describeExampleStartup } from '../../../test/support/example-startup.js';

describeExampleStartup('hono');
