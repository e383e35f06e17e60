import { type FusionAuthEventType, isTransactional } from '@authhooks/fusionauth';

/** The tenant's per-event transaction setting (Tenants → Webhooks), FusionAuth's `TransactionType`. */
export const transactionTypes = [
  'None',
  'Any',
  'SimpleMajority',
  'SuperMajority',
  'AbsoluteMajority',
] as const;
export type TransactionType = (typeof transactionTypes)[number];

/**
 * One transaction type for every transactional event, or one per event type (`default` for the rest).
 * Non-transactional event types are always `None`: FusionAuth never waits for them.
 */
export type TransactionSetting =
  | TransactionType
  | { readonly [K in FusionAuthEventType | 'default']?: TransactionType };

export function isTransactionType(value: unknown): value is TransactionType {
  return typeof value === 'string' && (transactionTypes as readonly string[]).includes(value);
}

/** The transaction type FusionAuth applies to `type` under `setting`. */
export function transactionTypeFor(type: string, setting: TransactionSetting | undefined): TransactionType {
  if (!isTransactional(type)) return 'None';
  if (setting === undefined) return 'None';
  if (typeof setting === 'string') return setting;
  const perType = (setting as Readonly<Record<string, TransactionType | undefined>>)[type];
  return perType ?? setting.default ?? 'None';
}

/** Checks a setting given by a user; throws a message that says what to write instead. */
export function checkTransactionSetting(setting: unknown, where: string): void {
  if (setting === undefined || isTransactionType(setting)) return;
  if (setting !== null && typeof setting === 'object' && !Array.isArray(setting)) {
    for (const [type, value] of Object.entries(setting)) {
      if (!isTransactionType(value)) {
        throw new TypeError(
          `authhooks: ${where}["${type}"] is ${JSON.stringify(value)}; use one of ${transactionTypes.join(', ')}.`,
        );
      }
      if (type !== 'default' && value !== 'None' && !isTransactional(type)) {
        throw new TypeError(
          `authhooks: ${where}["${type}"] is ${value}, but ${type} is not transactional: FusionAuth never ` +
            'waits for it, so its transaction type is always None.',
        );
      }
    }
    return;
  }
  throw new TypeError(
    `authhooks: ${where} is ${JSON.stringify(setting)}; use one of ${transactionTypes.join(', ')}, ` +
      "or a map such as { default: 'Any', 'user.login.success': 'None' }.",
  );
}

/**
 * How many of `webhooks` must answer 2xx (FusionAuth's rules): Any ≥ 1, SimpleMajority ≥ 50 %,
 * SuperMajority ≥ 2/3, AbsoluteMajority all, None 0. With no webhook at all nothing can fail.
 */
export function requiredSuccesses(transactionType: TransactionType, webhooks: number): number {
  if (webhooks === 0) return 0;
  switch (transactionType) {
    case 'None':
      return 0;
    case 'Any':
      return 1;
    case 'SimpleMajority':
      return Math.ceil(webhooks / 2);
    case 'SuperMajority':
      return Math.ceil((webhooks * 2) / 3);
    case 'AbsoluteMajority':
      return webhooks;
  }
}
