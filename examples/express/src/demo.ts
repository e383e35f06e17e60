import type { AddressInfo } from 'node:net';
import { silentLogger } from '@authhooks/express';
import { createApp } from './app.js';
import { fusionAuthFixture } from './fixtures.js';

const authorization = 'demo-webhook-key';
const { app, todos } = createApp({ authorization, logger: silentLogger });
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fusionauth-webhook`;

const deleted = fusionAuthFixture('user.delete');
const userId = String((deleted.event.user as { id: string }).id);
todos.add(userId, 'water the plants');
todos.add(userId, 'renew passport');

// The docs examples all share one event id; distinct deliveries need distinct ids, or they are duplicates.
const registration = withNewId(fusionAuthFixture('user.registration.create'));
const blocked = withNewId(structuredClone(registration));
blocked.event.user = { ...(blocked.event.user as object), email: 'mallory@blocked.example' };

const slow = withNewId(fusionAuthFixture('user.update'));
const unknown = { event: { type: 'user.future-feature', id: crypto.randomUUID() } };

interface Step {
  readonly what: string;
  readonly body: unknown;
  readonly key?: string | null;
  readonly method?: string;
}

const steps: Step[] = [
  { what: 'user deleted', body: deleted },
  { what: 'same delivery retried', body: deleted },
  { what: 'registration (allowed domain)', body: registration },
  { what: 'registration (blocked domain)', body: blocked },
  { what: 'slow handler (deadline 1.8 s)', body: slow },
  { what: 'event type from the future', body: unknown },
  { what: 'no Authorization header', body: deleted, key: null },
  { what: 'wrong Authorization header', body: deleted, key: 'guess' },
  { what: 'malformed JSON body', body: '{"event": {"type": "user.delete"' },
  { what: 'GET instead of POST', body: undefined, method: 'GET' },
];

const rows: string[][] = [['#', 'request', 'event', 'status', 'outcome', 'detail']];
for (const [index, step] of steps.entries()) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = step.key === undefined ? authorization : step.key;
  if (key !== null) headers.authorization = key;
  const method = step.method ?? 'POST';
  const body =
    method === 'GET' ? undefined : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
  const answer = (await response.json()) as { outcome: string; eventType?: string; error?: string };
  rows.push([
    String(index + 1),
    step.what,
    answer.eventType ?? '-',
    String(response.status),
    answer.outcome,
    answer.error ?? '',
  ]);
}

printTable(rows);
console.log(`\nTodos left for user ${userId}: ${todos.count(userId)} (2 before the user.delete event)`);
server.close();

function withNewId<T extends { event: Record<string, unknown> }>(body: T): T {
  body.event.id = crypto.randomUUID();
  return body;
}

function printTable(table: string[][]) {
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(table[0] ?? []));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of table.slice(1)) console.log(line(row));
}
