import * as z from 'zod';

/** Every event carries its version (given by the store) and the server time it happened at. */
export const eventBase = { v: z.number().int().positive(), at: z.number() };
