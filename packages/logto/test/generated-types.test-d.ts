import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Mismatched } from '../../../test/support/mismatched.js';
import type { logtoCatalogue } from '../src/events/catalogue.js';
import type { LogtoBlockMap, LogtoEventMap } from '../src/events/generated/types.js';
import type { logtoBlocks } from '../src/events/named-blocks.js';

// The generated interfaces (src/events/generated/types.ts) against the zod schemas they are generated
// from. `generate:check` catches a schema changed without regenerating; these catch a generator that
// prints a type other than the schema's output.

type Catalogue = typeof logtoCatalogue;
type EventOutputs = { [K in keyof Catalogue]: z.output<Catalogue[K]> };
type Blocks = typeof logtoBlocks;
type BlockOutputs = { [K in keyof Blocks]: z.output<Blocks[K]> };

describe('generated interfaces', () => {
  it('each event type and the output of its schema are mutually assignable', () => {
    expectTypeOf<Mismatched<EventOutputs, LogtoEventMap>>().toBeNever();
  });

  it('each block interface and the output of its schema are mutually assignable', () => {
    expectTypeOf<Mismatched<BlockOutputs, LogtoBlockMap>>().toBeNever();
  });

  it('and equal, open enums included', () => {
    expectTypeOf<{ [K in keyof LogtoEventMap]: EventOutputs[K] }>().toEqualTypeOf<LogtoEventMap>();
    expectTypeOf<{ [K in keyof LogtoBlockMap]: BlockOutputs[K] }>().toEqualTypeOf<LogtoBlockMap>();
  });
});
