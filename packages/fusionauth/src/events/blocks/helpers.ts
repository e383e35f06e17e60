import { z } from 'zod';

/** Optional and nullable: FusionAuth omits fields freely and the docs allow `null` where absent. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

/** A string with known values that FusionAuth may extend in a minor release. */
export type OpenEnum<T extends string> = T | (string & {});

export function openEnum<const T extends readonly string[]>(
  values: T,
): z.ZodType<OpenEnum<T[number]>, string> {
  return z.string().meta({ description: `Known values: ${values.join(', ')}; FusionAuth may add others.` });
}

/** Milliseconds since the epoch. */
export const instant = () => z.number();

/** A free-form JSON object (`data`, `tokens`, …). */
export const jsonObject = () => z.record(z.string(), z.unknown());

export const stringList = () => z.array(z.string());
