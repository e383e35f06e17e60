import { fusionWebhook, type Logger, memoryStore } from '@authhooks/express';
import type { PGlite } from '@electric-sql/pglite';
import { addTodo, deleteTodos, deleteUser, insertUser, updateEmail } from './db.js';

/** Another service the app keeps in step with its users: here, the newsletter's mailing list. */
export interface MailingList {
  changeEmail(userId: string, email: string | null, options: { signal: AbortSignal }): Promise<void>;
}

export interface TodoWebhookOptions {
  readonly db: PGlite;
  /** The Authorization header value set on the webhook (FusionAuth → Webhooks → Headers). */
  readonly authorization: string;
  readonly mailingList: MailingList;
  readonly blockedDomains?: readonly string[];
  readonly logger?: Logger;
}

export const welcomeTodo = 'Try the todo app: add your first todo';

/**
 * What the todo app does when FusionAuth tells it about its users. FusionAuth waits for the answer of
 * these transactional events: a non-2xx answer (or none within the read timeout) counts against the user
 * operation, which FusionAuth rolls back when too few webhooks succeed.
 */
export function todoWebhook(options: TodoWebhookOptions) {
  const { db, authorization, mailingList, blockedDomains = ['blocked.example'], logger } = options;
  const isBlocked = (email: string | null | undefined) => blockedDomains.includes(domainOf(email));

  // memoryStore: a redelivered event (same id) is answered 200 "duplicate" without running a handler again.
  return fusionWebhook({ authorization, idempotency: memoryStore(), ...(logger && { logger }) })
    .on('user.create', async (event) => {
      // ON CONFLICT DO NOTHING: even a second delivery the store does not know inserts nothing.
      await insertUser(db, event.user);
    })

    .on('user.registration.create', async (event, ctx) => {
      if (isBlocked(event.user.email)) ctx.reject('registration not allowed for this domain');
      await db.transaction(async (tx) => {
        await insertUser(tx, event.user); // user.create may not have reached us (yet)
        await addTodo(tx, event.user.id, welcomeTodo);
      });
    })

    .on('user.update', async (event, ctx) => {
      const email = event.user.email ?? null;
      if (email === (event.original?.email ?? null)) return;
      // Our row and the mailing list change together or not at all: if the list is too slow, ctx.signal
      // aborts at the deadline, the call throws and the transaction rolls back (the answer is 504).
      await db.transaction(async (tx) => {
        await updateEmail(tx, event.user.id, email);
        await mailingList.changeEmail(event.user.id, email, { signal: ctx.signal });
      });
    })

    .on('user.delete', async (event, ctx) => {
      const removed = await db.transaction(async (tx) => {
        const todos = await deleteTodos(tx, event.user.id);
        await deleteUser(tx, event.user.id);
        // Past the deadline FusionAuth has been answered 504 already: commit nothing then.
        ctx.signal.throwIfAborted();
        return todos;
      });
      ctx.log.info({ removed }, 'deleted a deleted user and their todos');
    });
}

function domainOf(email: string | null | undefined): string {
  return email?.slice(email.lastIndexOf('@') + 1).toLowerCase() ?? '';
}
