import { isQueueRoute } from './queue/queue-route.js';

/** A handler as the router stores it: the typing lives on `Receiver`, the router only matches strings. */
// biome-ignore lint/suspicious/noExplicitAny: handlers of every event type share one list
export type AnyHandler = (event: any, ctx: any) => unknown;

interface Route {
  readonly selector: string;
  readonly handler: AnyHandler;
  readonly matches: (type: string, known: boolean) => boolean;
}

export const anySelector = '*';

/**
 * Ordered list of routes. Handlers matching an event run in registration order, whether they were
 * registered for the exact type, a `prefix.*` wildcard or `onAny`, and queue hand-offs after them.
 * Wildcards match known types only; an unknown type reaches `onAny` and handlers for exactly that type.
 */
export class Router {
  readonly #routes: Route[] = [];
  /** Matches per type, for known and for unknown types: routing is a map lookup after the first event. */
  readonly #known = new Map<string, readonly AnyHandler[]>();
  readonly #unknown = new Map<string, readonly AnyHandler[]>();
  readonly #normalize: (type: string) => string;

  constructor(normalize: (type: string) => string) {
    this.#normalize = normalize;
  }

  add(selector: string, handler: AnyHandler): void {
    if (typeof handler !== 'function') {
      throw new TypeError(
        `authhooks: the handler for "${selector}" must be a function, got ${typeof handler}.`,
      );
    }
    this.#routes.push({ selector, handler, matches: this.#matcher(selector) });
    this.#forget();
  }

  /** Removes the most recent registration of this handler for this selector. Returns whether one was found. */
  remove(selector: string, handler: AnyHandler): boolean {
    for (let i = this.#routes.length - 1; i >= 0; i--) {
      const route = this.#routes[i] as Route;
      if (route.selector === selector && route.handler === handler) {
        this.#routes.splice(i, 1);
        this.#forget();
        return true;
      }
    }
    return false;
  }

  match(type: string, known: boolean): readonly AnyHandler[] {
    const cache = known ? this.#known : this.#unknown;
    let handlers = cache.get(type);
    if (handlers === undefined) {
      const matched = this.#routes
        .filter((route) => route.matches(type, known))
        .map((route) => route.handler);
      // Queue hand-offs run last, whatever the registration order: an event is handed on only after
      // every inline handler of the delivery succeeded (a veto after the hand-off would queue an event
      // the provider rolled back).
      handlers = [...matched.filter((h) => !isQueueRoute(h)), ...matched.filter(isQueueRoute)];
      // Unknown types are attacker-chosen: at most 1 000 of at most 200 characters (parse-event.ts).
      if (cache.size > 1_000) cache.clear();
      cache.set(type, handlers);
    }
    return handlers;
  }

  #forget() {
    this.#known.clear();
    this.#unknown.clear();
  }

  #matcher(selector: string): Route['matches'] {
    if (selector === anySelector) return () => true;
    if (selector.endsWith('.*')) {
      const prefix = selector.slice(0, -1);
      return (type, known) => known && type.startsWith(prefix);
    }
    // An exact type runs even when the provider's catalogue does not know it yet (a newer release).
    const exact = this.#normalize(selector);
    return (type) => type === exact;
  }
}
