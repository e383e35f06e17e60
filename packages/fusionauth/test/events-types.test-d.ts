import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Mismatched } from '../../../test/support/mismatched.js';
import type { FusionAuthBlockMap, FusionAuthEventMap } from '../src/events/generated/types.js';
import type { fusionAuthBlocks } from '../src/events/named-blocks.js';
import type { FusionAuthEventObjects } from '../src/events/schemas.js';

// The generated interfaces (src/events/generated/types.ts) against the zod objects they are generated
// from. `generate:check` catches a schema changed without regenerating; these catch a generator that
// prints a type other than the schema's output.

type EventOutputs = { [K in keyof FusionAuthEventObjects]: z.output<FusionAuthEventObjects[K]> };
type Blocks = typeof fusionAuthBlocks;
type BlockOutputs = { [K in keyof Blocks]: z.output<Blocks[K]> };

describe('generated interfaces', () => {
  it('each event interface and the output of its schema are mutually assignable', () => {
    expectTypeOf<Mismatched<EventOutputs, FusionAuthEventMap>>().toBeNever();
  });

  it('each building block interface and the output of its schema are mutually assignable', () => {
    expectTypeOf<Mismatched<BlockOutputs, FusionAuthBlockMap>>().toBeNever();
  });

  it('and equal, open enums included', () => {
    expectTypeOf<{ [K in keyof FusionAuthEventMap]: EventOutputs[K] }>().toEqualTypeOf<FusionAuthEventMap>();
    expectTypeOf<{ [K in keyof FusionAuthBlockMap]: BlockOutputs[K] }>().toEqualTypeOf<FusionAuthBlockMap>();
  });
});
