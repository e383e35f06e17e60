import { consistencySection } from './consistency/section.js';
import { httpSection } from './http/section.js';
import { inProcessSection } from './inprocess/section.js';
import { instructionsSection } from './instructions/section.js';
import { parseArgs, type SectionName } from './lib/args.js';
import { describeLoad, describeMachine } from './lib/machine.js';
import { renderTable, type Table } from './lib/report.js';
import { appendToResults } from './lib/results-file.js';
import type { RunSection } from './lib/section.js';
import { runProfile } from './profile/run-profile.js';
import { queueSection } from './queue/section.js';
import { scalingSection } from './scaling/section.js';
import { signatureSection } from './signature/section.js';
import { soakSection } from './soak/section.js';
import { storesSection } from './stores/section.js';
import { telemetrySection } from './telemetry/section.js';
import { typecheckSection } from './typecheck/section.js';

const sections: Record<SectionName, { title: string; run: RunSection }> = {
  http: { title: '1. Over HTTP, each framework', run: httpSection },
  signature: { title: '2. Signature paths over HTTP', run: signatureSection },
  inprocess: { title: '3. In-process receive()', run: inProcessSection },
  scaling: { title: '4. user.bulk.create scaling', run: scalingSection },
  typecheck: { title: '5. Type-check cost', run: typecheckSection },
  queue: { title: '6. Queue enqueue path', run: queueSection },
  consistency: { title: '7. Consistency with what FusionAuth committed', run: consistencySection },
  stores: { title: '8. Idempotency stores per delivery', run: storesSection },
  soak: { title: '9. Memory under sustained load (soak)', run: soakSection },
  telemetry: { title: '10. OpenTelemetry cost per delivery', run: telemetrySection },
  instructions: { title: '11. Instructions per delivery (callgrind)', run: instructionsSection },
};

const args = parseArgs(process.argv.slice(2));
const startedAt = new Date();
const machine = describeMachine();
const loadAtStart = describeLoad();

if (args.profile !== undefined) {
  process.exitCode = await runProfile(args.profile, args.profileSeconds);
} else {
  console.log(
    `authhooks bench${args.quick ? ' --quick (smoke run: checks every candidate, measures nothing)' : ''}`,
  );
  console.log(`${machine}; load average ${loadAtStart}\n`);
  const tables: Table[] = [];
  const failures: string[] = [];
  for (const name of args.sections) {
    const section = sections[name];
    console.error(`\n== ${section.title}`);
    const started = performance.now();
    const report = await section.run({ quick: args.quick, soak: args.soak });
    for (const table of report.tables) console.log(`${renderTable(table)}\n`);
    console.error(`   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    tables.push(...report.tables);
    failures.push(...report.failures);
  }
  if (args.write) {
    appendToResults({
      label: args.label,
      command: command(),
      machine,
      load: { start: loadAtStart, end: describeLoad() },
      startedAt,
      quick: args.quick,
      tables,
      failures,
    });
    console.log('appended to bench/RESULTS.md');
  }
  if (failures.length > 0) {
    console.error(
      `\nbench: ${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.error(`\nbench: every candidate answered as expected (${args.sections.join(', ')})`);
  }
}

function command(): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  const given = process.argv.slice(2).map(quote).join(' ');
  return `pnpm --filter @authhooks/bench bench${given === '' ? '' : ` ${given}`}`;
}
