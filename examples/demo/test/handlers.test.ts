import { silentLogger } from '@authhooks/express';
import { deliver, fusionAuthSample } from '@authhooks/testing';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addTodo, listUsers, openDatabase } from '../src/db.js';
import { type MailingList, todoWebhook, welcomeTodo } from '../src/handlers.js';

// The todo app's handlers against a real (in-memory) Postgres, each event delivered in-process as
// FusionAuth sends it. One database for the file (PGlite takes seconds to start); emptied before each test.

const authorization = 'test-key';
const auth = { authorization, readTimeout: 10_000 };
let db: PGlite;

beforeAll(async () => {
  db = await openDatabase();
}, 120_000);
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.exec('TRUNCATE todos, users');
});

/** Records each call; `hang` makes the calls wait until their signal aborts. */
function recordingMailingList({ hang = false } = {}) {
  const calls: { userId: string; email: string | null; signal: AbortSignal }[] = [];
  const list: MailingList = {
    changeEmail(userId, email, { signal }) {
      calls.push({ userId, email, signal });
      if (!hang) return Promise.resolve();
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    },
  };
  return { list, calls };
}

function webhookWith(mailingList: MailingList = recordingMailingList().list) {
  return todoWebhook({ db, authorization, mailingList, logger: silentLogger });
}

const ada = { id: crypto.randomUUID(), email: 'ada@example.com' };
const bob = { id: crypto.randomUUID(), email: 'bob@example.com' };

describe('user.create', () => {
  it('inserts the user once, whether FusionAuth repeats the event or the store forgets it', async () => {
    const webhook = webhookWith();
    const created = fusionAuthSample('user.create', { user: ada });

    const first = await deliver(webhook, created, auth);
    const again = await deliver(webhook, created, auth);
    // A new receiver has an empty idempotency store (a restart): ON CONFLICT DO NOTHING keeps one row.
    const afterRestart = await deliver(webhookWith(), created, auth);

    expect([first.status, first.body]).toEqual([200, expect.objectContaining({ outcome: 'handled' })]);
    expect([again.status, again.body]).toEqual([200, expect.objectContaining({ outcome: 'duplicate' })]);
    expect([afterRestart.status, afterRestart.body]).toEqual([
      200,
      expect.objectContaining({ outcome: 'handled' }),
    ]);
    expect(await listUsers(db)).toEqual([{ id: ada.id, email: ada.email, todos: 0 }]);
  });

  it('refuses a request without the webhook key and writes nothing', async () => {
    const { status } = await deliver(webhookWith(), fusionAuthSample('user.create', { user: ada }));
    expect(status).toBe(401);
    expect(await listUsers(db)).toEqual([]);
  });
});

describe('user.registration.create', () => {
  it('stores the user of an allowed domain with a welcome todo', async () => {
    const { status } = await deliver(
      webhookWith(),
      fusionAuthSample('user.registration.create', { user: bob }),
      auth,
    );
    expect(status).toBe(200);
    expect(await listUsers(db)).toEqual([{ id: bob.id, email: bob.email, todos: 1 }]);
    const { rows } = await db.query<{ title: string }>('SELECT title FROM todos WHERE user_id = $1', [
      bob.id,
    ]);
    expect(rows).toEqual([{ title: welcomeTodo }]);
  });

  it('vetoes a blocked domain (422, FusionAuth may roll back) and stores nothing', async () => {
    const eve = { id: crypto.randomUUID(), email: 'Eve@Blocked.Example' };
    const { status, body } = await deliver(
      webhookWith(),
      fusionAuthSample('user.registration.create', { user: eve }),
      auth,
    );
    expect(status).toBe(422);
    expect(body).toMatchObject({ outcome: 'rejected', error: 'registration not allowed for this domain' });
    expect(await listUsers(db)).toEqual([]);
  });
});

describe('user.update', () => {
  it('stores the new email and moves the mailing-list subscription', async () => {
    await db.query('INSERT INTO users (id, email) VALUES ($1, $2)', [ada.id, ada.email]);
    const { list, calls } = recordingMailingList();
    const renamed = { id: ada.id, email: 'ada@lovelace.example' };

    const { status } = await deliver(
      webhookWith(list),
      fusionAuthSample('user.update', { user: renamed, original: ada }),
      auth,
    );

    expect(status).toBe(200);
    expect(calls.map(({ userId, email }) => ({ userId, email }))).toEqual([
      { userId: ada.id, email: renamed.email },
    ]);
    expect(await listUsers(db)).toEqual([{ ...renamed, todos: 0 }]);
  });

  it('rolls its transaction back when the mailing list outlasts the deadline (504)', async () => {
    await db.query('INSERT INTO users (id, email) VALUES ($1, $2)', [ada.id, ada.email]);
    const { list, calls } = recordingMailingList({ hang: true });

    const { status, body } = await deliver(
      webhookWith(list),
      fusionAuthSample('user.update', { user: { id: ada.id, email: 'ada@lovelace.example' }, original: ada }),
      auth,
    );

    expect([status, body]).toEqual([504, expect.objectContaining({ outcome: 'timeout' })]);
    expect(calls[0]?.signal.aborted).toBe(true);
    // The rollback follows the abort; the next query waits for the transaction to end.
    expect(await listUsers(db)).toEqual([{ ...ada, todos: 0 }]);
  });
});

describe('user.delete', () => {
  it("deletes the user and their todos, and no one else's", async () => {
    for (const user of [ada, bob]) {
      await db.query('INSERT INTO users (id, email) VALUES ($1, $2)', [user.id, user.email]);
    }
    for (const title of ['one', 'two', 'three']) await addTodo(db, ada.id, title);
    await addTodo(db, bob.id, 'his own');

    const { status } = await deliver(webhookWith(), fusionAuthSample('user.delete', { user: ada }), auth);

    expect(status).toBe(200);
    expect(await listUsers(db)).toEqual([{ ...bob, todos: 1 }]);
  });

  it('answers 200 for a user the app never stored (nothing to delete)', async () => {
    const { status, body } = await deliver(
      webhookWith(),
      fusionAuthSample('user.delete', { user: ada }),
      auth,
    );
    expect([status, body]).toEqual([200, expect.objectContaining({ outcome: 'handled' })]);
  });
});
