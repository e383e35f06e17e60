import { fusionAuthEvents, fusionAuthEventTypes } from '@authhooks/fusionauth';
import { fusionAuthWebhookConfig } from '../../config/webhook-config.js';
import { type TransactionSetting, transactionTypes } from '../../simulator/transaction.js';
import { type Command, exitCodes, UsageError } from '../command.js';
import { secretOption, secretOptions, secretsHelp } from '../secrets.js';
import { basicOption, headerOption, listOption, millisOption, oneOf, stringOption } from '../values.js';
import { authorizationSecret, basicCredentials, basicSecret, fusionAuthTypeArgument } from './shared.js';

export const fusionauthConfig: Command = {
  name: 'fusionauth config',
  summary: 'Print the FusionAuth webhook and tenant settings for a set of events',
  usage: '--url <url> --events <a,b,prefix.*> [--transaction <type>] [options]',
  positionals: { min: 0, max: 0 },
  options: {
    url: { type: 'string' },
    events: { type: 'string', multiple: true },
    commit: { type: 'string', multiple: true },
    transaction: { type: 'string' },
    ...secretOptions(authorizationSecret, basicSecret),
    header: { type: 'string', multiple: true },
    'signing-key-id': { type: 'string' },
    tenant: { type: 'string', multiple: true },
    'connect-timeout': { type: 'string' },
    'read-timeout': { type: 'string' },
  },
  help: `Prints { webhook, tenant } as JSON: POST { webhook } to /api/webhook, PATCH { tenant } to /api/tenant/<id>
(or set the same fields in the admin UI). An event reaches your receiver only when it is enabled on the webhook
AND on the tenant: "the Test button works but live events don't" is the tenant half missing.
In code: fusionAuthWebhookConfig(receiver, { url }) takes the events from your registered handlers.

Options
  --url <url>              where FusionAuth sends the events
  --events <list>          event types, comma-separated or repeated; "user.registration.*" takes a group
  --commit <list>          types with onCommit/onRollback handlers: each and its *.complete event are enabled
  --transaction <setting>  ${transactionTypes.join(' | ')} for every transactional event, or per event:
                           "Any,user.login.success=None" (non-transactional types are always None)
  --authorization <value>  the Authorization header value (Headers tab) [$FUSIONAUTH_WEBHOOK_AUTHORIZATION]
  --header "Name: value"   another header (repeatable)
  --basic <user:pass>      HTTP Basic credentials (Security tab)
                           [$FUSIONAUTH_WEBHOOK_BASIC_USERNAME and _PASSWORD]
  --signing-key-id <id>    sign events with this Key Master key (Security tab → Sign events)
  --tenant <id>            only this tenant (repeatable; default all tenants)
  --connect-timeout <ms>   default 1000
  --read-timeout <ms>      default 2000 (keep the receiver's timeoutMs below it)

${secretsHelp}

Example
  authhooks fusionauth config --url https://app.example.com/fusionauth-webhook --events user.create,user.delete --transaction Any
`,
  async run(invocation, io) {
    const url = stringOption(invocation, 'url');
    if (url === undefined) throw new UsageError('give --url (where FusionAuth sends the events)');
    const events = [
      ...new Set([
        ...expandEvents(listOption(invocation, 'events')),
        ...commitEvents(expandEvents(listOption(invocation, 'commit'))),
      ]),
    ];
    if (events.length === 0) throw new UsageError('give --events, e.g. --events user.create,user.delete');
    const basic = await basicCredentials(invocation, io);
    const authorization = await secretOption(invocation, io, authorizationSecret);
    const signingKeyId = stringOption(invocation, 'signing-key-id');
    const tenants = listOption(invocation, 'tenant');
    const transaction = stringOption(invocation, 'transaction');
    const connectTimeout = millisOption(invocation, 'connect-timeout');
    const readTimeout = millisOption(invocation, 'read-timeout');
    const headers = Object.fromEntries(listOption(invocation, 'header').map(headerOption));
    const config = fusionAuthWebhookConfig(events, {
      url,
      ...(transaction !== undefined && { transactionType: transactionSetting(transaction) }),
      ...(authorization !== undefined && { authorization }),
      ...(Object.keys(headers).length > 0 && { headers }),
      ...(basic !== undefined && { basicAuth: basicOption(basic) }),
      ...(signingKeyId !== undefined && { signingKeyId }),
      ...(tenants.length > 0 && { tenantIds: tenants }),
      ...(connectTimeout !== undefined && { connectTimeout }),
      ...(readTimeout !== undefined && { readTimeout }),
    });
    io.out(JSON.stringify(config, null, 2));
    return exitCodes.ok;
  },
};

function expandEvents(values: readonly string[]): string[] {
  const requested = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  const types = new Set<string>();
  for (const item of requested) {
    if (item.endsWith('.*')) {
      const prefix = item.slice(0, -1);
      const matching = fusionAuthEventTypes.filter((type) => type.startsWith(prefix));
      if (matching.length === 0)
        throw new UsageError(`--events: no FusionAuth event type starts with "${prefix}"`);
      for (const type of matching) types.add(type);
    } else {
      types.add(fusionAuthTypeArgument(item));
    }
  }
  return [...types];
}

/** Each commit-aware type and the *.complete event that confirms it; a usage error for a type that has none. */
function commitEvents(types: readonly string[]): string[] {
  return types.flatMap((type) => {
    const complete = fusionAuthEvents.completion?.completeTypeOf(type);
    if (complete === undefined) {
      throw new UsageError(`--commit: ${type} has no *.complete event, so its commit cannot be confirmed`);
    }
    return [type, complete];
  });
}

function transactionSetting(text: string): TransactionSetting {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 1 && !parts[0]?.includes('='))
    return oneOf('transaction', parts[0] as string, transactionTypes);
  const setting: Record<string, string> = {};
  for (const part of parts) {
    const [type, value] = part.includes('=') ? part.split('=', 2) : ['default', part];
    const key = type === 'default' ? 'default' : fusionAuthTypeArgument((type as string).trim());
    setting[key] = oneOf('transaction', (value as string).trim(), transactionTypes);
  }
  return setting as TransactionSetting;
}
