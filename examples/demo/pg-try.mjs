import { PGlite } from '@electric-sql/pglite';

const t = performance.now();
const db = await PGlite.create();
console.log('create', Math.round(performance.now() - t));
await db.close();
