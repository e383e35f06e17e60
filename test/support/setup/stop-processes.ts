import { afterAll } from 'vitest';
import { stopStartedProcesses } from '../processes.js';

// Whatever the tests did (a timeout, a failed assertion before a `finally`), the file's processes stop here.
afterAll(() => stopStartedProcesses());
