import { userTemplate } from '../lib/fixtures.js';

const firstNames = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken'];
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson'];

/**
 * A `user.bulk.create` delivery with `count` users, each the user.create docs fixture's user with its
 * own id, email, username and name, as a FusionAuth import would send them (compact JSON).
 */
export function bulkCreateBody(count: number): Buffer {
  const template = userTemplate();
  const users = Array.from({ length: count }, (_, i) => {
    const first = firstNames[i % firstNames.length] ?? 'Ada';
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? 'Lovelace';
    return {
      ...template,
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      username: `${first}${i}`.toLowerCase(),
      firstName: first,
      lastName: last,
      fullName: `${first} ${last}`,
      insertInstant: 1_700_000_000_000 + i,
    };
  });
  return Buffer.from(
    JSON.stringify({
      event: {
        createInstant: 1_700_000_000_000,
        id: 'e502168a-b469-45d9-a079-fd45f83e0406',
        tenantId: 'e872a880-b14f-6d62-c312-cb40f22af465',
        type: 'user.bulk.create',
        users,
      },
    }),
  );
}
