import { fusionAuthEventMetadata, fusionAuthEventTypes } from '@authhooks/fusionauth';
import { logtoEventTypes } from '@authhooks/logto';
import { type Command, exitCodes } from '../command.js';
import { flag } from '../values.js';

export const samples: Command = {
  name: 'samples',
  summary: 'List every event type with a sample, and whether FusionAuth can roll it back',
  usage: '[--json]',
  positionals: { min: 0, max: 0 },
  options: { json: { type: 'boolean' } },
  help: `Every FusionAuth event type, with "transactional" when a failing webhook can make FusionAuth roll the
operation back (given a tenant transaction type other than None), then every Logto event (never transactional).

Options
  --json                   print [{ provider, type, transactional, description }] as JSON
`,
  async run(invocation, io) {
    const fusionauth = fusionAuthEventTypes.map((type) => ({
      provider: 'fusionauth',
      type,
      transactional: fusionAuthEventMetadata[type].transactional,
      description: fusionAuthEventMetadata[type].description,
    }));
    const logto = logtoEventTypes.map((type) => ({ provider: 'logto', type, transactional: false }));
    if (flag(invocation, 'json')) {
      io.out(JSON.stringify([...fusionauth, ...logto], null, 2));
      return exitCodes.ok;
    }
    const { bold, dim, yellow } = io.style;
    const width = Math.max(...fusionauth.map((row) => row.type.length)) + 2;
    io.out(bold(`FusionAuth (${fusionauth.length} event types)`));
    for (const row of fusionauth) {
      const flagText = row.transactional ? yellow('transactional    ') : dim('not transactional');
      io.out(`  ${row.type.padEnd(width)}${flagText}  ${dim(row.description)}`);
    }
    io.out('');
    io.out(bold(`Logto (${logto.length} events; Logto never waits for webhooks, nothing is transactional)`));
    for (const row of logto) io.out(`  ${row.type}`);
    return exitCodes.ok;
  },
};
