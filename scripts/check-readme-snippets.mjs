// The README's code cannot drift from code that compiles: every ```ts block in README.md and in
// packages/*/README.md is preceded either by `<!-- snippet: NAME -->`, and must equal the
// `// #region readme` part of test/consumer/app/src/readme/NAME.mts, which the consumer test
// type-checks against the packed packages under the strictest flags; or by `<!-- file: PATH -->`, and
// must equal that whole file, which a test suite runs. `--write` copies each snippet's region.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const snippets = join(root, 'test/consumer/app/src/readme');

export function readmes() {
  const packages = readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name, 'README.md'))
    .filter((path) => existsSync(path));
  return [join(root, 'README.md'), ...packages];
}

/** Problems found, one string each; empty when every block matches its compiled file. */
export function snippetProblems() {
  const problems = [];
  for (const readme of readmes()) {
    const where = relative(root, readme);
    const lines = readFileSync(readme, 'utf8').split('\n');
    for (let index = 0; index < lines.length; index++) {
      const fence = lines[index].match(/^```(\w*)\s*$/);
      if (!fence || !['ts', 'tsx', 'js'].includes(fence[1])) continue;
      const marker = lines[index - 1]?.match(/^<!-- snippet: ([\w-]+) -->$/);
      const shown = lines[index - 1]?.match(/^<!-- file: (\S+) -->$/);
      const end = lines.indexOf('```', index + 1);
      const block = lines.slice(index + 1, end).join('\n');
      index = end;
      if (shown) {
        // A whole file that a test suite runs as it is (the testing kit's README shows its tests).
        const file = join(root, shown[1]);
        if (!existsSync(file)) problems.push(`${where}: ${shown[1]} does not exist`);
        else if (`${block}\n` !== readFileSync(file, 'utf8')) {
          problems.push(`${where}: the block differs from ${shown[1]}`);
        }
        continue;
      }
      if (fence[1] === 'js') continue; // plain JavaScript prose examples are not compiled
      if (!marker) {
        problems.push(
          `${where}: a ts block without <!-- snippet: NAME --> above it:\n${block.slice(0, 200)}`,
        );
        continue;
      }
      const file = join(snippets, `${marker[1]}.mts`);
      if (!existsSync(file)) {
        problems.push(`${where}: snippet ${marker[1]} has no file ${relative(root, file)}`);
        continue;
      }
      const region = readFileSync(file, 'utf8').match(
        /\/\/ #region readme\n([\s\S]*?)\n\/\/ #endregion readme/,
      );
      if (!region) problems.push(`${relative(root, file)}: no // #region readme … // #endregion readme`);
      else if (region[1] !== block) {
        problems.push(
          `${where}: snippet ${marker[1]} differs from ${relative(root, file)} (node scripts/check-readme-snippets.mjs --write copies it)`,
        );
      }
    }
  }
  return problems;
}

/** Replaces every marked block in the READMEs with its file's region. */
function writeSnippets() {
  for (const readme of readmes()) {
    const text = readFileSync(readme, 'utf8');
    const updated = text.replace(/(<!-- snippet: ([\w-]+) -->\n```ts\n)[\s\S]*?```/g, (whole, head, name) => {
      const file = join(snippets, `${name}.mts`);
      if (!existsSync(file)) return whole;
      const region = readFileSync(file, 'utf8').match(
        /\/\/ #region readme\n([\s\S]*?)\n\/\/ #endregion readme/,
      );
      return region ? `${head}${region[1]}\n\`\`\`` : whole;
    });
    if (updated !== text) writeFileSync(readme, updated);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeSnippets();
  const problems = snippetProblems();
  for (const problem of problems) console.error(`FAIL  ${problem}`);
  if (problems.length === 0)
    console.log(`ok    every ts block in ${readmes().length} READMEs matches a compiled file`);
  process.exit(problems.length > 0 ? 1 : 0);
}
