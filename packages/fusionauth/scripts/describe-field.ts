import { z } from 'zod';
import { fusionAuthBlocks } from '../src/events/named-blocks.js';

/** Building blocks by name, for the docs page and the JSON Schema `$defs`. */
export const namedBlocks = new Map<z.ZodType, string>(
  Object.entries(fusionAuthBlocks).map(([name, schema]) => [schema, name]),
);

function typeName(schema: z.ZodType): string {
  const name = namedBlocks.get(schema);
  if (name !== undefined) return name;
  if (schema instanceof z.ZodArray) return `${typeName(schema.element as z.ZodType)}[]`;
  if (schema instanceof z.ZodLiteral) return quoted([...schema.values]);
  if (schema instanceof z.ZodEnum) return quoted(schema.options);
  if (schema instanceof z.ZodRecord) return `map of ${typeName(schema.valueType as z.ZodType)}`;
  if (schema instanceof z.ZodString) {
    const description = z.globalRegistry.get(schema)?.description;
    return description === undefined ? 'string' : `string — ${description}`;
  }
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodObject) return 'object';
  return 'unknown';
}

const quoted = (values: readonly unknown[]) => values.map((value) => `\`${String(value)}\``).join(' or ');

/** `(required) User`-style text for the docs page. */
export function describeField(field: unknown): string {
  let schema = field as z.ZodType;
  let optional = false;
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    optional = true;
    schema = schema.unwrap() as z.ZodType;
  }
  return `(${optional ? 'optional' : 'required'}) ${typeName(schema)}`;
}
