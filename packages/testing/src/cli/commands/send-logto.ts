import { closestName } from '@authhooks/core';
import { logtoEventTypes } from '@authhooks/logto';
import { DeliveryError } from '../../deliver/http-post.js';
import { deliverLogto } from '../../deliver/logto.js';
import { isLogtoEventType, logtoSample } from '../../samples/logto.js';
import { type Command, exitCodes, UsageError } from '../command.js';
import { type SecretSource, secretOption, secretOptions, secretsHelp } from '../secrets.js';
import { flag, headerOption, jsonOption, listOption, millisOption } from '../values.js';
import { formatMs, statusText } from './shared.js';

const signingKeySecret: SecretSource = { name: 'signing-key', env: 'LOGTO_WEBHOOK_SIGNING_KEY' };

export const sendLogto: Command = {
  name: 'send-logto',
  summary: 'Send a signed Logto event to webhooks as Logto does',
  usage: '<event> --url <url> [--url <url> …] --signing-key <key> [options]',
  positionals: { min: 1, max: 1 },
  options: {
    url: { type: 'string', multiple: true },
    ...secretOptions(signingKeySecret),
    header: { type: 'string', multiple: true },
    data: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `Builds a sample <event> payload (\`authhooks sample <event>\`), signs it into logto-signature-sha-256 and
POSTs it to every --url as Logto would. Logto never rolls back and does not retry: a failed delivery is lost.
Exits 1 when a webhook did not answer 2xx.

Options
  --url <url>              a webhook URL; repeat for several
  --signing-key <key>      the webhook's signing key (Logto Console → Webhooks); without it nothing is signed
                           [$LOGTO_WEBHOOK_SIGNING_KEY]
  --header "Name: value"   a custom header configured on the webhook (repeatable)
  --data <file.json|json>  fields to change in the sample, deep-merged (arrays replaced)
  --timeout <ms>           default 10000, as Logto
  --json                   print the results as JSON

${secretsHelp}

Example
  LOGTO_WEBHOOK_SIGNING_KEY=… authhooks send-logto User.Created --url http://127.0.0.1:3000/logto-webhook
`,
  async run(invocation, io) {
    const event = invocation.positionals[0] as string;
    if (!isLogtoEventType(event)) {
      const hint = closestName(event, logtoEventTypes);
      throw new UsageError(
        `unknown Logto event "${event}"${hint === undefined ? '' : `; did you mean ${hint}?`} (\`authhooks samples\` lists them)`,
      );
    }
    const urls = listOption(invocation, 'url');
    if (urls.length === 0) throw new UsageError('give at least one --url (where the webhook listens)');
    const signingKey = await secretOption(invocation, io, signingKeySecret);
    const headers = Object.fromEntries(listOption(invocation, 'header').map(headerOption));
    const timeout = millisOption(invocation, 'timeout');
    const payload = logtoSample(event, (await jsonOption(invocation, 'data')) as never);
    const results = await Promise.all(
      urls.map(async (url) => {
        try {
          const answer = await deliverLogto(url, payload, {
            headers,
            ...(signingKey !== undefined && { signingKey }),
            ...(timeout !== undefined && { connectTimeout: timeout, readTimeout: timeout }),
          });
          return { url, ok: answer.status >= 200 && answer.status <= 299, ...answer };
        } catch (error) {
          if (!(error instanceof DeliveryError)) throw error;
          return { url, ok: false, error: error.message, durationMs: undefined };
        }
      }),
    );
    if (flag(invocation, 'json')) {
      io.out(JSON.stringify({ event, payload, results }, null, 2));
    } else {
      io.out(
        `${io.style.bold(event)} → ${urls.length} webhook${urls.length === 1 ? '' : 's'}${signingKey === undefined ? io.style.yellow(' (unsigned: no --signing-key)') : ''}`,
      );
      for (const result of results) {
        const status = 'status' in result ? result.status : undefined;
        const error = 'error' in result ? result.error : undefined;
        const time = result.durationMs === undefined ? '' : formatMs(result.durationMs);
        io.out(`  ${time.padStart(8)}  ${result.url}  ${statusText(status, error, io.style)}`);
      }
      const failed = results.filter((result) => !result.ok).length;
      io.out(
        failed === 0
          ? `${io.style.green('delivered')}: every webhook answered 2xx.`
          : `${io.style.red('failed')}: ${failed} of ${results.length} did not answer 2xx; Logto logs the failure and does not retry.`,
      );
    }
    return results.every((result) => result.ok) ? exitCodes.ok : exitCodes.failed;
  },
};
