import * as z from 'zod/mini';

/**
 * No NUL character: nobody types one, and PostgreSQL refuses it in text columns (issue 17), so it is
 * refused at the edge by name for every store alike rather than failing inside one of them.
 */
// eslint-disable-next-line no-control-regex -- matching the control character is the point
export const NO_NUL = /^[^\u0000]*$/;
export const NO_NUL_MESSAGE = 'must not contain a NUL character';

/** Text people type: trimmed, never empty, bounded, no NUL. */
export const Text = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(max, `at most ${max} characters`),
      z.regex(NO_NUL, NO_NUL_MESSAGE),
    );
