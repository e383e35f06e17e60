import { z } from 'zod';
import type { OpenEnum } from './schema.js';

/** Optional and nullable: providers omit fields freely and send `null` where a value is absent. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

/** Any string at run time; the known values as a typed hint (and in the JSON Schema description). */
export function openEnum<const T extends readonly string[]>(
  values: T,
): z.ZodType<OpenEnum<T[number]>, string> {
  return z.string().meta({ description: `Known values: ${values.join(', ')}; the provider may add others.` });
}
