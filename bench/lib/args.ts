export const sectionNames = [
  'http',
  'signature',
  'inprocess',
  'scaling',
  'typecheck',
  'queue',
  'consistency',
  'stores',
  'soak',
  'telemetry',
  'instructions',
] as const;
export type SectionName = (typeof sectionNames)[number];

export interface BenchArgs {
  /** CI-sized smoke run: every candidate briefly, status checks only; never a speed gate. */
  readonly quick: boolean;
  readonly sections: readonly SectionName[];
  /** Append the tables to RESULTS.md. */
  readonly write: boolean;
  /** A server candidate to run under `node --cpu-prof` instead of the sections. */
  readonly profile: string | undefined;
  /** Seconds of load for `--profile`. */
  readonly profileSeconds: number;
  /** A label for the RESULTS.md section, e.g. "before the pipeline rewrite". */
  readonly label: string | undefined;
  readonly soak: SoakSettings;
}

/** The soak section's long setting (the short one, under `--quick`, is fixed). */
export interface SoakSettings {
  /** Minutes of load per candidate. */
  readonly minutes: number;
  /** Deliveries per second, the same for every candidate. */
  readonly rate: number;
  /** Only candidates whose id contains one of these comma-separated parts, e.g. `hono-control,hono-authhooks-no-store`. */
  readonly filter: string | undefined;
}

const usage = `usage: pnpm --filter @authhooks/bench bench [options]
  --quick                 smoke run (every candidate briefly, checks 2xx and 401); not a measurement
  --only a,b              sections: ${sectionNames.join(', ')}
  --write                 append the tables to bench/RESULTS.md
  --label "text"          title suffix of the RESULTS.md section
  --profile <candidate>   load one server child under node --cpu-prof; prints the top functions
  --profile-seconds <n>   seconds of load while profiling (default 10)
  --soak-minutes <n>      soak: minutes of load per candidate (default 3; 10 for the issue's figure)
  --soak-rate <n>         soak: deliveries per second for every candidate (default 1000)
  --soak-filter <a,b>     soak: only candidates whose id contains one of them (e.g. hono, control, redis)`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let write = false;
  let sections: SectionName[] = [...sectionNames];
  let profile: string | undefined;
  let profileSeconds = 10;
  let label: string | undefined;
  let soak: SoakSettings = { minutes: 3, rate: 1000, filter: undefined };
  const value = (i: number, flag: string) => {
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) fail(`${flag} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitInline(argv[i] ?? '');
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--':
        break;
      case '--quick':
        quick = true;
        break;
      case '--write':
        write = true;
        break;
      case '--only':
        sections = parseSections(take());
        break;
      case '--profile':
        profile = take();
        break;
      case '--profile-seconds':
        profileSeconds = positive(take(), flag);
        break;
      case '--label':
        label = take();
        break;
      case '--soak-minutes':
        soak = { ...soak, minutes: positive(take(), flag) };
        break;
      case '--soak-rate':
        soak = { ...soak, rate: positive(take(), flag) };
        break;
      case '--soak-filter':
        soak = { ...soak, filter: take() };
        break;
      case '--help':
      case '-h':
        console.log(usage);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${flag}`);
    }
  }
  return { quick, sections, write, profile, profileSeconds, label, soak };
}

function splitInline(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at > 0 && arg.startsWith('--') ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, undefined];
}

function parseSections(list: string): SectionName[] {
  const names = list.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(sectionNames as readonly string[]).includes(name)) fail(`unknown section "${name}"`);
  }
  return names as SectionName[];
}

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!(value > 0)) fail(`${flag} needs a positive number`);
  return value;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${usage}`);
  process.exit(2);
}
