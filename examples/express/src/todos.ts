/** The example app's own data: todo items per user, so the demo can show a deletion really happening. */
export class TodoStore {
  readonly #byUser = new Map<string, string[]>();

  add(userId: string, title: string): void {
    this.#byUser.set(userId, [...(this.#byUser.get(userId) ?? []), title]);
  }

  count(userId: string): number {
    return this.#byUser.get(userId)?.length ?? 0;
  }

  async deleteAllForUser(userId: string, { signal }: { signal: AbortSignal }): Promise<number> {
    signal.throwIfAborted();
    const removed = this.count(userId);
    this.#byUser.delete(userId);
    return removed;
  }
}
