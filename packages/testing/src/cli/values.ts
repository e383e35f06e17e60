import { readFile } from 'node:fs/promises';
import { closestName } from '@authhooks/core';
import { type Invocation, UsageError } from './command.js';

export function stringOption(invocation: Invocation, name: string): string | undefined {
  const value = invocation.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(invocation: Invocation, name: string): string[] {
  const value = invocation.values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function flag(invocation: Invocation, name: string): boolean {
  return invocation.values[name] === true;
}

/** A whole number of milliseconds above 0. */
export function millisOption(invocation: Invocation, name: string): number | undefined {
  const text = stringOption(invocation, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`--${name} is a whole number of milliseconds above 0, got "${text}"`);
  }
  return value;
}

export function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const hint = closestName(text, allowed);
  throw new UsageError(
    `--${name} "${text}" is not one of ${allowed.join(', ')}${hint === undefined ? '' : `; did you mean ${hint}?`}`,
  );
}

/** `user:pass` → credentials; the password may contain colons, the user may not. */
export function basicOption(text: string): { username: string; password: string } {
  const at = text.indexOf(':');
  // Never echo the value: it holds a password.
  if (at <= 0) throw new UsageError('--basic is user:password (the value given has no user before a colon)');
  return { username: text.slice(0, at), password: text.slice(at + 1) };
}

/** `Name: value` → [name, value]. */
export function headerOption(text: string): [string, string] {
  const at = text.indexOf(':');
  const name = text.slice(0, at).trim();
  if (at <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    // Never echo the value: a header is often a credential.
    throw new UsageError('--header is "Name: value" (the one given has no valid header name before a colon)');
  }
  return [name, text.slice(at + 1).trim()];
}

/** `--data`: a JSON file, or inline JSON starting with `{`. */
export async function jsonOption(
  invocation: Invocation,
  name: string,
): Promise<Record<string, unknown> | undefined> {
  const text = stringOption(invocation, name);
  if (text === undefined) return undefined;
  const inline = text.trimStart().startsWith('{');
  let source = text;
  if (!inline) {
    try {
      source = await readFile(text, 'utf8');
    } catch {
      throw new UsageError(
        `--${name}: cannot read the file "${text}" (give a JSON file, or inline JSON such as '{"user":{"email":"a@b.c"}}')`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new UsageError(
      `--${name}: ${inline ? 'the value' : `"${text}"`} is not JSON (${(error as Error).message})`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`--${name} must be a JSON object of the fields to change`);
  }
  return parsed as Record<string, unknown>;
}

export async function fileOption(invocation: Invocation, name: string): Promise<string | undefined> {
  const path = stringOption(invocation, name);
  if (path === undefined) return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--${name}: cannot read the file "${path}"`);
  }
}

/** A connection URL as it may be printed: its password replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/:]*):[^@/]*@/, '//$1:***@');
}

/**
 * Loads an optional peer dependency of a command; when `missing` matches what was not found, the error
 * says which packages to install.
 */
export async function importOptional<T>(load: () => Promise<T>, missing: RegExp, need: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (!notFound || !missing.test(String(message))) throw error;
    throw new Error(need);
  }
}
