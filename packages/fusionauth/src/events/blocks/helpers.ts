import { z } from 'zod';

export type { OpenEnum } from '@authhooks/core';
export { openEnum, opt } from '@authhooks/core/schema';

/** Milliseconds since the epoch. */
export const instant = () => z.number();

/** A free-form JSON object (`data`, `tokens`, …). */
export const jsonObject = () => z.record(z.string(), z.unknown());

export const stringList = () => z.array(z.string());
