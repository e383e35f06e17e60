import type { Command } from '../command.js';
import { fusionauthConfig } from './fusionauth-config.js';
import { jwks } from './jwks.js';
import { keys } from './keys.js';
import { postgresMigrate } from './postgres-migrate.js';
import { queueFailed } from './queue-failed.js';
import { queueRetry } from './queue-retry.js';
import { sample } from './sample.js';
import { samples } from './samples.js';
import { send } from './send.js';
import { sendLogto } from './send-logto.js';

/**
 * Every command, in the order `authhooks --help` lists them. A group is a set of commands sharing a
 * first word (`fusionauth config`, `queue failed`); a new group is a file per
 * command here and a line each in this list.
 */
export const commands: readonly Command[] = [
  send,
  sendLogto,
  samples,
  sample,
  keys,
  jwks,
  fusionauthConfig,
  queueFailed,
  queueRetry,
  postgresMigrate,
];
