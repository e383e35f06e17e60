import { fusionAuthBody, fusionAuthSample } from '../../samples/fusionauth.js';
import { isLogtoEventType, logtoBody, logtoSample } from '../../samples/logto.js';
import { type Command, exitCodes } from '../command.js';
import { flag, jsonOption } from '../values.js';
import { fusionAuthTypeArgument } from './shared.js';

export const sample: Command = {
  name: 'sample',
  summary: 'Print a sample event of one type as JSON',
  usage: '<type> [--data <file.json|json>] [--body]',
  positionals: { min: 1, max: 1 },
  options: { data: { type: 'string' }, body: { type: 'boolean' } },
  help: `Prints a realistic event of <type> (a FusionAuth type such as user.create, or a Logto event such as
User.Created) with a fresh id and timestamp.

Options
  --data <file.json|json>  fields to change, deep-merged (arrays replaced)
  --body                   print the exact request body instead ({"event": …} for FusionAuth), compact
`,
  async run(invocation, io) {
    const name = invocation.positionals[0] as string;
    const overrides = (await jsonOption(invocation, 'data')) as never;
    const wire = flag(invocation, 'body');
    if (isLogtoEventType(name)) {
      const payload = logtoSample(name, overrides);
      io.out(wire ? logtoBody(payload) : JSON.stringify(payload, null, 2));
      return exitCodes.ok;
    }
    const event = fusionAuthSample(fusionAuthTypeArgument(name), overrides);
    io.out(wire ? fusionAuthBody(event) : JSON.stringify(event, null, 2));
    return exitCodes.ok;
  },
};
