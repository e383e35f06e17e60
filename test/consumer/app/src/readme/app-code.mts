// What the README snippets call in "your app": stand-ins, so the snippets compile as written.
export const todos = {
  async deleteAllForUser(_userId: string, _options: { signal: AbortSignal }): Promise<void> {},
};
export const blockedDomain = (email: string | null | undefined): boolean =>
  email?.endsWith('@blocked.example') ?? false;
export async function deleteUserData(_userId: string, _options: { signal: AbortSignal }): Promise<void> {}
export async function provision(_userId: string | null | undefined): Promise<void> {}
export async function syncMembers(_organizationId: string | null | undefined): Promise<void> {}
export async function forget(_userId: string): Promise<void> {}
export const metrics = {
  failed(_eventType: string, _attempt: number, _willRetry: boolean): void {},
};
export const db = {
  users: {
    async insert(_id: string, _row: { status: string }): Promise<void> {},
    async upsert(_id: string, _row: { status: string }): Promise<void> {},
    async delete(_id: string): Promise<void> {},
  },
};
export const fusionAuthApi = {
  async userExists(_userId: string): Promise<boolean> {
    return true;
  },
};
