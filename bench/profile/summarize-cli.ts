import { printSummary } from './print-summary.js';
import { summarizeProfile } from './summarize.js';

// tsx bench/profile/summarize-cli.ts <file.cpuprofile> [top]: summarizes any V8 CPU profile.
const [file, top] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: tsx profile/summarize-cli.ts <file.cpuprofile> [top]');
  process.exit(2);
}
printSummary(summarizeProfile(file), top === undefined ? 25 : Number(top));
