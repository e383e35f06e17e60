import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 `.cpuprofile` this summary reads. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
  }[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  readonly name: string;
  /** file:line:column as run (1-based), shortened to the repository or the package. */
  readonly location: string;
  /** The TypeScript source line, from the package's source map, when there is one. */
  readonly source: string | undefined;
  readonly group: string;
  readonly selfMs: number;
}

export interface ProfileSummary {
  /** Sampled time not spent idle, in ms. */
  readonly busyMs: number;
  readonly idleMs: number;
  readonly functions: readonly FunctionTime[];
  /** Self time per package (authhooks packages, node_modules packages, node internals, GC). */
  readonly groups: readonly { readonly group: string; readonly selfMs: number }[];
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Self time per function (each sample's time goes to the function on top of the stack), largest first.
 * With `fromUs` (the process's monotonic clock in µs, as V8 stamps samples), earlier samples, such as
 * start-up and module loading, are left out.
 */
export function summarizeProfile(file: string, fromUs = 0): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs) return;
    // timeDeltas[i + 1] is the time from sample i to the next one: what sample i stands for.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const functions = new Map<string, FunctionTime>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const key = `${frame.functionName}|${frame.url}|${frame.lineNumber}|${frame.columnNumber}`;
    const previous = functions.get(key);
    functions.set(key, {
      name: frame.functionName || '(anonymous)',
      location:
        frame.url === '' ? '' : `${shorten(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`,
      source: previous?.source ?? originalLocation(frame.url, frame.lineNumber, frame.columnNumber),
      group: groupOf(frame.url, frame.functionName),
      selfMs: (previous?.selfMs ?? 0) + us / 1000,
    });
  }
  const sorted = [...functions.values()].sort((a, b) => b.selfMs - a.selfMs);
  const groups = new Map<string, number>();
  for (const fn of sorted) groups.set(fn.group, (groups.get(fn.group) ?? 0) + fn.selfMs);
  return {
    busyMs: sorted.reduce((sum, fn) => sum + fn.selfMs, 0),
    idleMs: idleUs / 1000,
    functions: sorted,
    groups: [...groups].map(([group, selfMs]) => ({ group, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

function shorten(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) return path.slice(inModules + '/node_modules/'.length);
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length) : path;
}

function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const path = shorten(url);
  const authhooks = /^packages\/([^/]+)\//.exec(path) ?? /^@authhooks\/([^/]+)\//.exec(path);
  if (authhooks !== null) return `@authhooks/${authhooks[1]}`;
  if (url.includes('/node_modules/')) {
    const [scope = '', name = ''] = path.split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (path.startsWith('bench/')) return 'bench (the candidate itself)';
  return path;
}

const sourceMaps = new Map<string, SourceMap | undefined>();

/** Maps a dist position back to the TypeScript source through the `.map` tsup writes beside it. */
function originalLocation(url: string, line: number, column: number): string | undefined {
  if (!url.startsWith('file://') || url.includes('/node_modules/.pnpm/')) return undefined;
  const path = fileURLToPath(url);
  if (!sourceMaps.has(path)) {
    const mapFile = `${path}.map`;
    sourceMaps.set(
      path,
      existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as never) : undefined,
    );
  }
  const entry = sourceMaps.get(path)?.findEntry(line, column);
  if (entry === undefined || !('originalSource' in entry)) return undefined;
  const source = entry.originalSource.replace(/^(\.\.\/)+/, '').replace(/^file:\/\//, '');
  return `${shorten(source)}:${entry.originalLine + 1}`;
}
