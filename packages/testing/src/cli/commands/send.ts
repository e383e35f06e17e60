import { isTransactional } from '@authhooks/fusionauth';
import { fusionAuthSample } from '../../samples/fusionauth.js';
import { FusionAuthSimulator, type SimulationResult } from '../../simulator/simulator.js';
import { type TransactionType, transactionTypes } from '../../simulator/transaction.js';
import type { FusionAuthWebhook } from '../../simulator/webhook.js';
import { type Command, exitCodes, UsageError } from '../command.js';
import type { Style } from '../io.js';
import { secretOption, secretOptions, secretsHelp } from '../secrets.js';
import {
  basicOption,
  flag,
  headerOption,
  jsonOption,
  listOption,
  millisOption,
  oneOf,
  stringOption,
} from '../values.js';
import {
  authorizationSecret,
  basicCredentials,
  basicSecret,
  formatMs,
  fusionAuthTypeArgument,
  hmacSecret,
  signingKeyOptions,
  statusText,
} from './shared.js';

const signingKeyId = 'authhooks-cli';

export const send: Command = {
  name: 'send',
  summary: 'Send a FusionAuth event to webhooks as FusionAuth does; show the transaction outcome',
  usage: '<type> --url <url> [--url <url> …] [options]',
  positionals: { min: 1, max: 1 },
  options: {
    url: { type: 'string', multiple: true },
    ...secretOptions(authorizationSecret, basicSecret, hmacSecret),
    header: { type: 'string', multiple: true },
    'private-key': { type: 'string' },
    kid: { type: 'string' },
    alg: { type: 'string' },
    data: { type: 'string' },
    transaction: { type: 'string' },
    'connect-timeout': { type: 'string' },
    'read-timeout': { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `Builds a sample <type> event (\`authhooks sample <type>\` shows it), POSTs it to every --url as
FusionAuth would (Content-Type, {"event": …} body, headers, Basic auth, X-FusionAuth-Signature-JWT), applies
the tenant's transaction type, and says whether FusionAuth commits the operation or answers its API call 504.
Exits 1 when FusionAuth would fail the operation.

Options
  --url <url>              a webhook URL; repeat for several webhooks
  --authorization <value>  the Authorization header set on the webhook (Headers tab)
                           [$FUSIONAUTH_WEBHOOK_AUTHORIZATION]
  --header "Name: value"   another header (repeatable)
  --basic <user:pass>      HTTP Basic credentials (Security tab)
                           [$FUSIONAUTH_WEBHOOK_BASIC_USERNAME and _PASSWORD]
  --hmac-secret <secret>   sign with an HMAC key … [$FUSIONAUTH_WEBHOOK_HMAC_SECRET]
  --private-key <file.pem> … or with a private key (RSA, EC, Ed25519)
  --kid <id>               the key id put in the JWT header (default for --private-key: its JWK thumbprint)
  --alg <alg>              signing algorithm (default: HS256 for secrets, the key's usual one otherwise)
  --data <file.json|json>  fields to change in the sample, deep-merged (arrays replaced)
  --transaction <type>     ${transactionTypes.join(' | ')} (default None, FusionAuth's default)
  --connect-timeout <ms>   default 1000
  --read-timeout <ms>      default 2000
  --json                   print the result as JSON

${secretsHelp}

Examples
  FUSIONAUTH_WEBHOOK_AUTHORIZATION=… authhooks send user.create --url http://127.0.0.1:3000/fusionauth-webhook --transaction Any
  authhooks send user.create --url http://127.0.0.1:3000/fusionauth-webhook --authorization-file ./webhook-key
  authhooks send user.delete --url http://a/hook --url http://b/hook --transaction SimpleMajority --data '{"user":{"email":"ada@example.com"}}'
`,
  async run(invocation, io) {
    const type = fusionAuthTypeArgument(invocation.positionals[0] as string);
    const urls = listOption(invocation, 'url');
    if (urls.length === 0) throw new UsageError('give at least one --url (where the webhook listens)');
    const transaction = stringOption(invocation, 'transaction');
    const transactionType: TransactionType =
      transaction === undefined ? 'None' : oneOf('transaction', transaction, transactionTypes);
    const headers = Object.fromEntries(listOption(invocation, 'header').map(headerOption));
    const authorization = await secretOption(invocation, io, authorizationSecret);
    const basic = await basicCredentials(invocation, io);
    if (authorization !== undefined && basic !== undefined) {
      throw new UsageError(
        '--authorization and --basic (or their environment variables) both set the Authorization header; give one',
      );
    }
    if (authorization !== undefined) headers.Authorization = authorization;
    const credentials = basic === undefined ? undefined : basicOption(basic);
    const key = await signingKeyOptions(invocation, io);
    const connectTimeout = millisOption(invocation, 'connect-timeout') ?? 1000;
    const readTimeout = millisOption(invocation, 'read-timeout') ?? 2000;
    const overrides = await jsonOption(invocation, 'data');

    const webhooks: FusionAuthWebhook[] = urls.map((url) => {
      try {
        new URL(url);
      } catch {
        throw new UsageError(`--url "${url}" is not a URL (e.g. http://127.0.0.1:3000/fusionauth-webhook)`);
      }
      return {
        url,
        connectTimeout,
        readTimeout,
        eventsEnabled: { [type]: true },
        ...(Object.keys(headers).length > 0 && { headers }),
        ...(credentials !== undefined && {
          httpAuthenticationUsername: credentials.username,
          httpAuthenticationPassword: credentials.password,
        }),
        ...(key !== undefined && { signatureConfiguration: { enabled: true, signingKeyId } }),
      };
    });
    const simulator = new FusionAuthSimulator({
      webhooks,
      transactionType,
      ...(key !== undefined && { signingKeys: { [signingKeyId]: key } }),
    });
    const result = await simulator.send(fusionAuthSample(type, overrides as never));
    if (flag(invocation, 'json')) io.out(JSON.stringify(result, null, 2));
    else io.out(report(result, transactionType, io.style));
    return result.committed ? exitCodes.ok : exitCodes.failed;
  },
};

function report(result: SimulationResult, configured: TransactionType, style: Style): string {
  const count = `${result.webhooks} webhook${result.webhooks === 1 ? '' : 's'}`;
  const lines = [
    `${style.bold(result.eventType)} → ${count} · transaction ${result.transactionType} · ${style.dim(`event ${result.eventId ?? '?'}`)}`,
  ];
  const width = Math.max(...result.attempts.map((attempt) => formatMs(attempt.durationMs).length), 4);
  for (const attempt of result.attempts) {
    const label = (attempt.attempt === 1 ? 'sent' : `retry ${attempt.attempt - 1}`).padEnd(8);
    const status = statusText(attempt.status, attempt.error, style);
    lines.push(
      `  ${style.dim(label)} ${formatMs(attempt.durationMs).padStart(width)}  ${attempt.url}  ${status}`,
    );
  }
  const tally = `${result.succeeded} of ${result.webhooks} webhook${result.webhooks === 1 ? '' : 's'} answered 2xx`;
  if (!isTransactional(result.eventType)) {
    lines.push(
      `${style.green('committed')}: ${result.eventType} is not transactional; FusionAuth never waits for its webhooks and does not retry them (${tally}).`,
    );
  } else if (result.transactionType === 'None') {
    lines.push(
      `${style.green('committed')}: transaction None, FusionAuth does not wait for webhooks and does not retry them (${tally}). ` +
        `With --transaction Any or stricter a failing webhook would roll ${result.eventType} back.`,
    );
  } else if (result.committed) {
    const retried = result.attempts.some((attempt) => attempt.attempt > 1);
    lines.push(
      `${style.green('committed')}: ${tally}; ${configured} needs ${result.required}.` +
        (retried ? ' Failed webhooks were retried (up to 3 more times each).' : ''),
    );
  } else {
    lines.push(
      `${style.red('rolled back')}: ${tally}; ${configured} needs ${result.required}. Nothing is retried.`,
      `FusionAuth answers the API call ${result.apiStatus} ${JSON.stringify(result.apiBody)}`,
    );
  }
  for (const skipped of result.skipped)
    lines.push(style.yellow(`  skipped ${skipped.url}: ${skipped.reason}`));
  return lines.join('\n');
}
