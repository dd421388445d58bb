import * as z from 'zod/mini';

/** Server-generated identifiers: url-safe, short, never user-chosen. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,40}$/, 'not a valid id'));

/** Join codes are what people type: 6 characters from an alphabet without look-alikes. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JoinCode = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-HJ-NP-Z2-9]{6}$/, 'a join code is 6 letters or digits'));

/**
 * Where a floor and a timer live: `plenary` today, later one scope per breakout room (its room id).
 * Commands leave it out for the plenary.
 */
export const PLENARY = 'plenary';
export const Scope = Id;
