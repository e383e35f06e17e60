/**
 * What authhooks needs of a schema: zod's `safeParse` (and `parse`). Every zod schema is one. Public types use this
 * instead of zod's own, so a user's type-check never loads zod's declarations (they are most of what
 * authhooks would otherwise cost `tsc`). The values are zod schemas: cast to `z.ZodType<T>` for zod's
 * other methods.
 */
export interface Schema<T> {
  safeParse(value: unknown): SchemaResult<T>;
  /** Throws when the value does not pass. */
  parse(value: unknown): T;
}

/** zod's result shape: `data` on success, `error.issues` (path and message of each) otherwise. */
export type SchemaResult<T> =
  | { readonly success: true; readonly data: T; readonly error?: undefined }
  | {
      readonly success: false;
      readonly data?: undefined;
      readonly error: {
        readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
      };
    };

/** A string with known values that the provider may extend in a minor release. */
export type OpenEnum<T extends string> = T | (string & {});
