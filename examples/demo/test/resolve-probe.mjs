// Preloaded into the demo by demo.test.ts: reports on stderr which build of @authhooks/* the demo imports
// (the sources in the `source` project, the built dist/ in the `dist` project).
const resolved = ['@authhooks/express', '@authhooks/testing'].map((name) => import.meta.resolve(name));
process.stderr.write(`${JSON.stringify({ resolved })}\n`);
