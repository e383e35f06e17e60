import { z } from 'zod';
import { opt } from './helpers.js';

export const locationSchema = z.looseObject({
  city: opt(z.string()),
  country: opt(z.string()),
  displayString: opt(z.string()),
  latitude: opt(z.number()),
  longitude: opt(z.number()),
  region: opt(z.string()),
  zipcode: opt(z.string()),
});

export type Location = z.output<typeof locationSchema>;
