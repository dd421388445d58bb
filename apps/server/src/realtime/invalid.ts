import type * as z from 'zod';
import type { ErrorBody } from '@kring/protocol';

/** The answer to a socket message that failed its schema: `bad_request`, naming the first bad field. */
export function invalid(what: string, error: z.core.$ZodError): { ok: false; error: ErrorBody } {
  const issue = error.issues[0];
  return {
    ok: false,
    error: {
      code: 'bad_request',
      message: `invalid ${what}: ${issue?.path.join('.') || ''} ${issue?.message ?? ''}`.trim(),
    },
  };
}
