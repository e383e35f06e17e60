import { type Command, exitCodes, UsageError } from '../command.js';
import { flag, stringOption } from '../values.js';
import { queueOptions, queueOptionsHelp, withQueue } from './queue-shared.js';

export const queueFailed: Command = {
  name: 'queue failed',
  summary: 'List the dead-letter set of a webhook queue: jobs that failed for good, with their error',
  usage: '[--name <queue>] [--redis <url>] [--limit <n>] [--json]',
  positionals: { min: 0, max: 0 },
  options: { ...queueOptions, limit: { type: 'string' }, json: { type: 'boolean' } },
  help: `Jobs of a webhookQueue (@authhooks/queue) that exhausted their attempts or can never succeed (an event
that no longer passes its schema, a type no handler takes), newest first, with the last error.
Re-drive them with \`authhooks queue retry <id>\` or \`authhooks queue retry --all\` once the cause is fixed.

Options
${queueOptionsHelp}
  --limit <n>              how many to list (default 100)
  --json                   print [{ id, provider, eventId, eventType, error, attempts, failedAt, receivedAt }]

Example
  authhooks queue failed --redis redis://127.0.0.1:6379 --name authhooks
`,
  async run(invocation, io) {
    const limitText = stringOption(invocation, 'limit') ?? '100';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1) {
      throw new UsageError(`--limit is a whole number above 0, got "${limitText}"`);
    }
    return withQueue(invocation, io, async (queue, where) => {
      const letters = await queue.failed({ start: 0, end: limit - 1 });
      if (flag(invocation, 'json')) {
        io.out(JSON.stringify(letters, null, 2));
        return exitCodes.ok;
      }
      if (letters.length === 0) {
        io.out(`No dead-lettered jobs in ${where}.`);
        return exitCodes.ok;
      }
      const { bold, dim, red } = io.style;
      const total = (await queue.counts()).failed;
      const shown = total > letters.length ? ` (showing ${letters.length})` : '';
      io.out(bold(`${total} dead-lettered job${total === 1 ? '' : 's'} in ${where}${shown}`));
      const idWidth = Math.max(...letters.map((letter) => letter.id.length));
      const typeWidth = Math.max(...letters.map((letter) => letter.eventType.length));
      for (const letter of letters) {
        const attempts = `${letter.attempts} attempt${letter.attempts === 1 ? '' : 's'}`;
        const when = letter.failedAt?.toISOString() ?? '';
        io.out(
          `  ${letter.id.padEnd(idWidth)}  ${letter.eventType.padEnd(typeWidth)}  ${dim(attempts.padEnd(11))}  ${dim(when)}  ${red(letter.error)}`,
        );
      }
      io.out('Re-drive one with `authhooks queue retry <id>`, or all with `authhooks queue retry --all`.');
      return exitCodes.ok;
    });
  },
};
