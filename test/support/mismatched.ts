// For type tests: which keys of two maps of types disagree.

/** The keys of A and B whose types are not assignable both ways (or that only one of them has). */
export type Mismatched<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A & keyof B
    ? [A[K]] extends [B[K]]
      ? [B[K]] extends [A[K]]
        ? never
        : K
      : K
    : K;
}[keyof A | keyof B];
