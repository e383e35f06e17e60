/** BullMQ keys are `<prefix>:<name>:…`: a `:` in the name would make them ambiguous, so BullMQ refuses it. */
export function checkName(name: unknown): string {
  if (typeof name !== 'string' || name === '' || name.includes(':')) {
    throw new TypeError(
      `@authhooks/queue: the queue name must be a non-empty string without ":", got ${JSON.stringify(name)}.`,
    );
  }
  return name;
}

export function checkPrefix(prefix: unknown): string {
  if (typeof prefix !== 'string' || prefix === '') {
    throw new TypeError(
      `@authhooks/queue: prefix must be a non-empty string, got ${JSON.stringify(prefix)}.`,
    );
  }
  return prefix;
}

/** A whole number within [min, max], or a TypeError naming the option and what it must be. */
export function wholeNumber(option: string, value: unknown, min: number, max: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new TypeError(
      `@authhooks/queue: ${option} must be a whole number${unit} from ${min} to ${max}, got ${String(value)}.`,
    );
  }
  return value;
}
