import type { EventMap } from './provider.js';

type Prefixes<S extends string> = S extends `${infer Head}.${infer Rest}`
  ? `${Head}.*` | `${Head}.${Prefixes<Rest>}`
  : never;

/** A known event type, or a `prefix.*` wildcard over known types (`'user.registration.*'`). */
export type EventSelector<TMap extends EventMap> = (keyof TMap & string) | Prefixes<keyof TMap & string>;

/** The event types a selector matches. */
export type SelectedTypes<TMap extends EventMap, S extends string> = S extends `${infer Prefix}.*`
  ? Extract<keyof TMap & string, `${Prefix}.${string}`>
  : Extract<S, keyof TMap & string>;

/** The event a handler registered for `S` receives: one type, or the union of the matching types. */
export type SelectedEvent<TMap extends EventMap, S extends string> = TMap[SelectedTypes<TMap, S>];
