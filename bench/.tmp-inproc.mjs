import { readFileSync } from 'node:fs';
import { silentLogger } from '@authhooks/core';
import { fusionReceiver } from '@authhooks/fusionauth';
const key = 'bench-authorization-value-0123456789';
const body = readFileSync(new URL('../packages/fusionauth/fixtures/user.update.json', import.meta.url));
const headers = { 'content-type': 'application/json', authorization: key };
let sink = 0;
const receiver = fusionReceiver({ authorization: key, logger: silentLogger }).on('user.update', (e) => { sink += e.user.id.length; });
const decoder = new TextDecoder();
const hand = () => { if (headers.authorization !== key) throw new Error(); const p = JSON.parse(decoder.decode(body)); sink += p.event.user.id.length; };
async function time(name, fn, n) {
  for (let i = 0; i < 20000; i++) await fn();
  const t = performance.now(); for (let i = 0; i < n; i++) await fn(); const us = (performance.now() - t) * 1000 / n;
  console.log(name.padEnd(30), us.toFixed(2), 'µs'); return us;
}
for (let round = 0; round < 3; round++) {
  const a = await time('hand-written', hand, 100000);
  const b = await time('receive()', () => receiver.receive({ method: 'POST', headers, body }), 100000);
  console.log('ratio', (b / a).toFixed(2));
}
