// Measures what importing one module costs a fresh process: heap used and RSS after full GCs,
// before and after the import. Run by the soak section with --expose-gc.
const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('footprint-child needs node --expose-gc');
const gc: () => void = collect;
const specifier = process.argv[2];
if (specifier === undefined) throw new Error('usage: footprint-child <module>');
const settle = () => {
  gc();
  gc();
  return process.memoryUsage();
};
const before = settle();
const imported = await import(specifier);
const after = settle();
process.send?.({
  type: 'result',
  value: {
    heapUsed: after.heapUsed - before.heapUsed,
    rss: after.rss - before.rss,
    exports: Object.keys(imported).length,
  },
});

export {};
