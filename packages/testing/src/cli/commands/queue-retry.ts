import { type Command, exitCodes, UsageError } from '../command.js';
import { flag } from '../values.js';
import { queueOptions, queueOptionsHelp, withQueue } from './queue-shared.js';

export const queueRetry: Command = {
  name: 'queue retry',
  summary: 'Re-drive dead-lettered jobs of a webhook queue: one by id, or --all',
  usage: '<id> | --all [--name <queue>] [--redis <url>]',
  positionals: { min: 0, max: 1 },
  options: { ...queueOptions, all: { type: 'boolean' } },
  help: `Moves dead-lettered jobs (\`authhooks queue failed\` lists them) back to the queue with a fresh set of
attempts; a worker runs them again. <id> is a job id as listed (fusionauth.<event id>), or the event as
<provider>:<event id>.

Options
  --all                    every dead-lettered job
${queueOptionsHelp}

Examples
  authhooks queue retry fusionauth.7a3d6e1c-6f1a-4c55-9a0e-2f3b6c1d0e9f
  authhooks queue retry --all --redis redis://127.0.0.1:6379
`,
  async run(invocation, io) {
    const [id] = invocation.positionals;
    const all = flag(invocation, 'all');
    if (all === (id !== undefined)) {
      throw new UsageError(all ? 'give a job id or --all, not both' : 'give the job id to retry, or --all');
    }
    return withQueue(invocation, io, async (queue, where) => {
      if (id !== undefined) {
        await queue.retry(id);
        io.out(`Re-driven ${id}: back in ${where}.`);
      } else {
        const count = await queue.retryAll();
        io.out(`Re-driven ${count} job${count === 1 ? '' : 's'}: back in ${where}.`);
      }
      return exitCodes.ok;
    });
  },
};
