import { m } from '$lib/paraglide/messages';
import { ERROR_CODES, type ErrorBody } from '@kring/protocol';

/**
 * A refusal from the server in this person's language: `failed` says what did not happen
 * ("Could not choose Connection"), the code says why. The server's own (English) sentence is
 * shown only for a code this app does not know yet.
 */
export function refusalText(failed: string, error: ErrorBody): string {
  return m.breakouts_refusal({ failed, reason: reasonFor(error) });
}

function reasonFor(error: ErrorBody): string {
  switch (error.code) {
    case 'full':
      return m.breakouts_refusal_full();
    case 'conflict':
      return m.breakouts_refusal_conflict();
    case 'not_found':
      return m.breakouts_refusal_not_found();
    case 'forbidden':
      return m.breakouts_refusal_forbidden();
    case 'rate_limited':
      return m.breakouts_refusal_rate_limited();
    case 'too_large':
      return m.breakouts_refusal_too_large();
    case 'unauthorized':
      return m.breakouts_refusal_unauthorized();
    case 'internal':
      return m.breakouts_refusal_internal();
    default:
      return (ERROR_CODES as readonly string[]).includes(error.code)
        ? m.breakouts_refusal_generic()
        : serverReason(error) || m.breakouts_refusal_generic();
  }
}

/** The server's message as the second half of a sentence: "no such room" → "no such room." */
function serverReason(error: ErrorBody): string {
  const text = error.message.trim().replace(/[.!]$/, '');
  return text ? `${text}.` : '';
}
