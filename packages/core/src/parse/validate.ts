import type { ZodType } from 'zod';

export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** Runs a schema and turns its issues into one short line naming paths, never the received values. */
export function validate<T>(schema: ZodType<T>, value: unknown, type: string): Validation<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(event)';
    return `${path}: ${issue.message}`;
  });
  const more = result.error.issues.length > 3 ? ` (+${result.error.issues.length - 3} more)` : '';
  return { ok: false, reason: `invalid ${type} event: ${issues.join('; ')}${more}` };
}
