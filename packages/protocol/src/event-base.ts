import * as z from 'zod/mini';

/** Every event carries its version (given by the store) and the server time it happened at. */
export const eventBase = { v: z.int().check(z.positive()), at: z.number() };
