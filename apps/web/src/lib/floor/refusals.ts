import type { ErrorBody, ErrorCode } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { baseLocale, getLocale } from '$lib/paraglide/runtime';

/**
 * A refusal from the server in plain words. `what` says what did not happen ("Could not step in"),
 * the rest says why, e.g. a full fishbowl. The server explains itself in English: in English that
 * sentence is shown as it is; in Dutch and French the reason is worded from the error code.
 */
export function refusalText(what: string, error: ErrorBody): string {
  const told = getLocale() === baseLocale ? reason(error.message) : '';
  switch (error.code) {
    case 'full':
      return m.floor_refusal_full({ what });
    case 'forbidden':
      return m.floor_refusal({ what, reason: told || m.floor_reason_forbidden() });
    case 'conflict':
      // A command for another mode means the floor changed while the button was on screen.
      if (/^the floor is in \w+ mode/.test(error.message)) return m.floor_refusal_changed({ what });
      return m.floor_refusal({ what, reason: told || m.floor_reason_conflict() });
    case 'not_found':
      return m.floor_refusal_not_found({ what });
    default:
      return m.floor_refusal({
        what,
        reason: told || (getLocale() === baseLocale ? m.floor_reason_try_again() : codeReason(error.code)),
      });
  }
}

/** The reason for a code the cases above leave to the server's words, in the page's language. */
function codeReason(code: ErrorCode): string {
  switch (code) {
    case 'rate_limited':
      return m.floor_reason_rate_limited();
    case 'internal':
      return m.floor_reason_offline();
    case 'unauthorized':
      return m.floor_reason_not_member();
    case 'bad_request':
      return m.floor_reason_bad_request();
    default:
      return m.floor_reason_try_again();
  }
}

/** A server message as the second half of a sentence: "Someone holds it" → "someone holds it." */
function reason(message: string): string {
  const text = message.trim();
  if (!text) return '';
  const lowered = /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  return /[.!?]$/.test(lowered) ? lowered : `${lowered}.`;
}
