import { parseArgs } from 'node:util';
import { closestName } from '@authhooks/core';
import { type Command, exitCodes, type Invocation, UsageError } from './command.js';
import { commands } from './commands/index.js';
import type { CliIo } from './io.js';

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/** Runs `authhooks <args>`; resolves with the exit code. Never throws. */
export async function main(args: readonly string[], io: CliIo, version = 'unknown'): Promise<number> {
  const [first, second] = args;
  if (first === undefined) {
    io.err(topHelp(io));
    return exitCodes.usage;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && second === undefined)) {
    io.out(topHelp(io));
    return exitCodes.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(version);
    return exitCodes.ok;
  }
  if (first === 'help') return main([...args.slice(1), '--help'], io, version);

  const command = findCommand(args);
  if (command === undefined) return unknownCommand(args, io);
  const rest = args.slice(command.name.split(' ').length);
  let invocation: Invocation;
  try {
    invocation = parse(command, rest);
  } catch (error) {
    return usageFailure(command, error, io);
  }
  if (invocation.values.help === true) {
    io.out(commandHelp(command, io));
    return exitCodes.ok;
  }
  try {
    checkPositionals(command, invocation.positionals);
    return await command.run(invocation, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) return usageFailure(command, error, io);
    io.err(
      `${io.style.red('error')} authhooks ${command.name}: ${(error as Error)?.message ?? String(error)}`,
    );
    return exitCodes.failed;
  }
}

function findCommand(args: readonly string[]): Command | undefined {
  const two = args.slice(0, 2).join(' ');
  return (
    commands.find((command) => command.name === two) ?? commands.find((command) => command.name === args[0])
  );
}

function groupOf(name: string): Command[] {
  return commands.filter((command) => command.name.startsWith(`${name} `));
}

function unknownCommand(args: readonly string[], io: CliIo): number {
  const [first = '', second] = args;
  const group = groupOf(first);
  if (group.length > 0) {
    const wantsHelp = second === undefined || second === '--help' || second === '-h';
    const text = [
      `${io.style.bold(`authhooks ${first}`)} commands:`,
      ...group.map((command) => `  ${command.name.padEnd(22)} ${command.summary}`),
    ].join('\n');
    if (wantsHelp && second !== undefined) {
      io.out(text);
      return exitCodes.ok;
    }
    const pointer = `Run \`authhooks ${first} --help\` or \`authhooks ${group[0]?.name} --help\` for usage.`;
    io.err(
      second === undefined ? text : `authhooks: unknown command "${first} ${second}".\n${text}\n${pointer}`,
    );
    return exitCodes.usage;
  }
  const names = [...new Set(commands.map((command) => command.name.split(' ')[0] as string))];
  const hint = closestName(first, names);
  io.err(
    `authhooks: unknown command "${first}".${hint === undefined ? '' : ` Did you mean "${hint}"?`} ` +
      'Run `authhooks --help` for the list.',
  );
  return exitCodes.usage;
}

function parse(command: Command, rest: readonly string[]): Invocation {
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...command.options, ...helpOption },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message ?? '')
        ? `option ${option ?? ''} needs a value`.replace('  ', ' ')
        : `option ${option ?? ''} takes no value`.replace('  ', ' ');
    default:
      return message ?? String(error);
  }
}

function checkPositionals(command: Command, positionals: readonly string[]) {
  const { min, max } = command.positionals;
  if (positionals.length < min) {
    throw new UsageError(
      `missing ${command.usage.split(' ').filter((part) => part.startsWith('<'))[positionals.length] ?? 'argument'}`,
    );
  }
  if (positionals.length > max) {
    throw new UsageError(`unexpected argument "${positionals[max]}"`);
  }
}

function usageFailure(command: Command, error: unknown, io: CliIo): number {
  const message = ((error as Error)?.message ?? String(error)).replace(/^authhooks: /, '');
  io.err(`${io.style.red('error')} authhooks ${command.name}: ${message}`);
  io.err(`Run \`authhooks ${command.name} --help\` for usage.`);
  return exitCodes.usage;
}

function topHelp(io: CliIo): string {
  const { bold } = io.style;
  return [
    `${bold('authhooks')}: test FusionAuth and Logto webhook handlers without the identity provider.`,
    '',
    `${bold('Usage')}: authhooks <command> [options]`,
    '',
    bold('Commands'),
    ...commands.map((command) => `  ${command.name.padEnd(22)} ${command.summary}`),
    '',
    'Run `authhooks <command> --help` for the options of one command.',
    'Exit codes: 0 success, 1 the delivery or FusionAuth operation failed, 2 bad usage.',
  ].join('\n');
}

function commandHelp(command: Command, io: CliIo): string {
  return [
    `${io.style.bold('Usage')}: authhooks ${command.name} ${command.usage}`,
    '',
    command.summary,
    '',
    command.help.trimEnd(),
    '  -h, --help               show this help',
  ].join('\n');
}
