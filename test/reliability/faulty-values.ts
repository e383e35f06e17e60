/** Values a handler may throw or reject with that are not Errors, each harder to print than the last. */
export const faultyValues: Readonly<Record<string, () => unknown>> = {
  'a string': () => 'a string, not an Error',
  null: () => null,
  undefined: () => undefined,
  'a number': () => 42,
  'a Symbol': () => Symbol('thrown'),
  'Object.create(null)': () => Object.create(null),
  'an object whose toString throws': () => ({
    toString() {
      throw new Error('toString exploded');
    },
  }),
  'an Error whose message getter throws': () =>
    Object.defineProperty(new Error(), 'message', {
      get() {
        throw new Error('message getter exploded');
      },
    }),
  'a Proxy whose every trap throws': () =>
    new Proxy(
      {},
      Object.fromEntries(
        ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor'].map((trap) => [
          trap,
          () => {
            throw new Error(`${trap} trap exploded`);
          },
        ]),
      ),
    ),
};
