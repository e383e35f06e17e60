/** What a stack trace looks like once printed: a newline, indentation, "at ". */
export const stackTrace = /\n\s+at /;

/** Every secret (and the stack-trace pattern) found in `text`; empty when it leaks nothing. */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  const found = secrets.filter((secret) => secret !== '' && text.includes(secret));
  if (stackTrace.test(text) || stackTrace.test(text.replace(/\\n/g, '\n'))) found.push('a stack trace');
  return found;
}
