#!/usr/bin/env node
import { processIo } from './cli/io.js';
import { main } from './cli/main.js';

// Set by the build (tsup.config.ts); absent when the CLI runs from source.
declare const AUTHHOOKS_VERSION: string | undefined;
const version = typeof AUTHHOOKS_VERSION === 'string' ? AUTHHOOKS_VERSION : 'source';

// `authhooks samples | head -1`: the reader closed the pipe. Stop quietly, as Unix tools do, without a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

main(process.argv.slice(2), processIo(), version).then((code) => {
  process.exitCode = code;
});
