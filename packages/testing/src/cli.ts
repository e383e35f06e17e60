#!/usr/bin/env node
import { processIo } from './cli/io.js';
import { main } from './cli/main.js';

// Set by the build (tsup.config.ts); absent when the CLI runs from source.
declare const AUTHHOOKS_VERSION: string | undefined;
const version = typeof AUTHHOOKS_VERSION === 'string' ? AUTHHOOKS_VERSION : 'source';

main(process.argv.slice(2), processIo(), version).then((code) => {
  process.exitCode = code;
});
