import { PGlite, type Transaction } from '@electric-sql/pglite';

/** The database or an open transaction: every query below runs in either. */
export type Queryable = Pick<Transaction, 'query'>;

export interface UserRow {
  readonly id: string;
  readonly email: string | null;
  readonly todos: number;
}

const schema = `
  CREATE TABLE users (
    id    uuid PRIMARY KEY,  -- the FusionAuth user id
    email text
  );
  CREATE TABLE todos (
    id      serial PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    title   text NOT NULL
  );
`;

/**
 * A real Postgres (PGlite: Postgres compiled to WebAssembly) in this process, in memory, with the app's
 * tables. Nothing to install or start; it is gone when the process ends.
 */
export async function openDatabase(): Promise<PGlite> {
  const db = await PGlite.create();
  await db.exec(schema);
  return db;
}

/** Inserts the user unless a row with that id exists; true when it inserted one. */
export async function insertUser(db: Queryable, user: { id: string; email?: string | null | undefined }) {
  const result = await db.query('INSERT INTO users (id, email) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
    user.id,
    user.email ?? null,
  ]);
  return result.affectedRows === 1;
}

export async function updateEmail(db: Queryable, userId: string, email: string | null): Promise<void> {
  await db.query('UPDATE users SET email = $2 WHERE id = $1', [userId, email]);
}

export async function addTodo(db: Queryable, userId: string, title: string): Promise<void> {
  await db.query('INSERT INTO todos (user_id, title) VALUES ($1, $2)', [userId, title]);
}

/** Deletes the user's todos; resolves with how many there were. */
export async function deleteTodos(db: Queryable, userId: string): Promise<number> {
  const result = await db.query('DELETE FROM todos WHERE user_id = $1', [userId]);
  return result.affectedRows ?? 0;
}

export async function deleteUser(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM users WHERE id = $1', [userId]);
}

/** Every user with how many todos they have, by email. */
export async function listUsers(db: Queryable): Promise<UserRow[]> {
  const result = await db.query<UserRow>(
    `SELECT u.id, u.email, count(t.id)::int AS todos
       FROM users u LEFT JOIN todos t ON t.user_id = u.id
      GROUP BY u.id, u.email
      ORDER BY u.email`,
  );
  return result.rows;
}
