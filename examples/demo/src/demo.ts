/**
 * `npm run demo`: the todo app of this folder receives FusionAuth's events beside two other webhooks of the
 * same tenant, and FusionAuth (simulated by @authhooks/testing, over real HTTP) decides from their three
 * answers whether each user operation commits. After each event: every answer, the decision, the rows.
 */
import http from 'node:http';
import { silentLogger } from '@authhooks/express';
import {
  FusionAuthSimulator,
  type FusionAuthWebhook,
  fusionAuthSample,
  type SimulationResult,
} from '@authhooks/testing';
import { createApp } from './app.js';
import { addTodo, listUsers, openDatabase } from './db.js';
import { decisionOf, paint, printScene, printTable } from './demo/report.js';
import { demoMailingList, serve, startOtherService } from './demo/services.js';

const authorization = 'demo-webhook-key';
const started = performance.now();

console.log(paint('bold', 'authhooks demo: a todo app keeps its Postgres database in step with FusionAuth'));
console.log(`
FusionAuth (simulated by @authhooks/testing) sends each event over HTTP to the tenant's 3 webhooks:
   todo-app  the app in this folder (Express + authhooks, PGlite Postgres), read timeout 2000 ms
   audit     an audit log that always answers 200, read timeout 2000 ms
   crm       a CRM that is sometimes down or slow, read timeout 1000 ms
The tenant's transaction type is SimpleMajority: at least 2 of the 3 must answer 2xx in time, or
FusionAuth rolls the user operation back and answers the API call 504.`);

console.log('\nStarting Postgres (PGlite, in memory) and the three webhooks on 127.0.0.1…');
const db = await openDatabase();
const mailingList = demoMailingList();
const { app } = createApp({ db, authorization, mailingList, logger: silentLogger });
const todoApp = await serve(http.createServer(app), '/fusionauth-webhook');
const audit = await startOtherService('audit');
const crm = await startOtherService('crm');

// The three webhooks as FusionAuth's Webhook API holds them (Settings → Webhooks).
const eventsEnabled = {
  'user.create': true,
  'user.registration.create': true,
  'user.update': true,
  'user.delete': true,
};
const webhooks: FusionAuthWebhook[] = [
  {
    id: 'todo-app',
    url: todoApp.url,
    connectTimeout: 1000,
    readTimeout: 2000,
    headers: { Authorization: authorization },
    eventsEnabled,
    global: true,
  },
  { id: 'audit', url: audit.url, connectTimeout: 1000, readTimeout: 2000, eventsEnabled, global: true },
  { id: 'crm', url: crm.url, connectTimeout: 1000, readTimeout: 1000, eventsEnabled, global: true },
];
const fusionauth = new FusionAuthSimulator({ webhooks, transactionType: 'SimpleMajority' });

const ada = { id: crypto.randomUUID(), email: 'ada@example.com' };
const bob = { id: crypto.randomUUID(), email: 'bob@example.com' };
const eve = { id: crypto.randomUUID(), email: 'eve@blocked.example' };

interface Scene {
  readonly title: string;
  readonly event: { readonly type: string; readonly id: string };
  /** What FusionAuth decides; the demo fails (exit 1) if it decides otherwise, so `why` never lies. */
  readonly expect: 'committed' | 'rolled back';
  readonly why: string;
  readonly before?: () => void;
}

const summary: string[][] = [['#', 'event', 'what happened', '2xx', 'FusionAuth', 'API']];
let unexpected = 0;

async function play(scene: Scene): Promise<SimulationResult> {
  const before = await listUsers(db);
  scene.before?.();
  const result = await fusionauth.send(scene.event);
  const number = summary.length;
  printScene({ number, title: scene.title, result, before, after: await listUsers(db), why: scene.why });
  const decision = decisionOf(result);
  if (decision !== scene.expect) {
    unexpected++;
    console.log(paint('red', `   UNEXPECTED: FusionAuth would have ${scene.expect} this`));
  }
  summary.push([
    String(number),
    result.eventType,
    scene.title,
    `${result.succeeded} of ${result.webhooks}`,
    decision,
    String(result.apiStatus),
  ]);
  return result;
}

const adaSignsUp = fusionAuthSample('user.create', { user: ada });
await play({
  title: 'Ada signs up',
  event: adaSignsUp,
  expect: 'committed',
  why: 'Every webhook answered 2xx: FusionAuth creates Ada; the app has inserted her row.',
});

await play({
  title: 'FusionAuth delivers the same event again',
  event: adaSignsUp,
  expect: 'committed',
  why: "Same event id: the app's idempotency store answers duplicate and inserts nothing.",
});

console.log(`\n${paint('dim', '   Ada adds three todos in the app.')}`);
for (const title of ['water the plants', 'renew passport', 'call mum']) await addTodo(db, ada.id, title);

await play({
  title: 'Bob registers for the todo app',
  event: fusionAuthSample('user.registration.create', { user: bob }),
  expect: 'committed',
  why: 'An allowed domain: the app stores Bob and a welcome todo in one transaction.',
});

await play({
  title: 'Eve registers from a blocked domain',
  event: fusionAuthSample('user.registration.create', { user: eve }),
  expect: 'committed',
  why: "The app's veto is outvoted: audit and CRM make 2 of 3, so Eve is registered anyway.",
});

await play({
  title: 'Eve tries again while the CRM is down',
  event: fusionAuthSample('user.registration.create', { user: eve }),
  before: () => crm.troubleNext('down'),
  expect: 'rolled back',
  why: 'Veto plus CRM down: only 1 of 3 answered 2xx, fewer than 2, so FusionAuth rolls back.',
});

const adaRenamed = { ...ada, email: 'ada@lovelace.example' };
await play({
  title: 'Ada changes her email while the mailing list hangs',
  event: fusionAuthSample('user.update', { user: adaRenamed, original: ada }),
  before: () => mailingList.hangNext(),
  expect: 'committed',
  why:
    "At the 1.8 s deadline ctx.signal aborted the app's transaction (504, email unchanged); " +
    'FusionAuth committed on 2 of 3, and its retry of the app stored the new email.',
});

await play({
  title: 'Ada deletes her account while the CRM is slow',
  event: fusionAuthSample('user.delete', { user: adaRenamed }),
  before: () => crm.troubleNext('slow'),
  expect: 'committed',
  why:
    "The app deleted her 3 todos and her row in one transaction. The CRM's read timeout counts as " +
    'a failure, but 2 of 3 commit; FusionAuth then retried the CRM.',
});

console.log(`\n${paint('bold', 'Summary')}`);
printTable(summary);

console.log(`\n${paint('bold', 'Database at the end')} (table users, with a count of table todos)`);
printTable([
  ['email', 'todos'],
  ...(await listUsers(db)).map((user) => [user.email ?? '(none)', String(user.todos)]),
]);

await Promise.all([todoApp.close(), audit.close(), crm.close()]);
await db.close();
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
if (unexpected > 0) process.exitCode = 1;
