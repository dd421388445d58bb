import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { ErrorBody, ErrorCode } from '@kring/protocol';

/**
 * A refusal in plain words, for every control that has no wording of its own (floor, Q&A and
 * breakouts word theirs: see their refusals.ts). Why the server said no, worded from its code
 * (its own message is English).
 */
const REASON: Record<ErrorCode, () => string> = {
  bad_request: m.clock_refused_bad_request,
  unauthorized: m.clock_refused_unauthorized,
  forbidden: m.clock_refused_forbidden,
  not_found: m.clock_refused_not_found,
  conflict: m.clock_refused_conflict,
  too_large: m.clock_refused_too_large,
  rate_limited: m.clock_refused_rate_limited,
  board_locked: m.clock_refused_board_locked,
  full: m.clock_refused_full,
  name_taken: m.clock_refused_name_taken,
  door_closed: m.clock_refused_door_closed,
  protocol_mismatch: m.clock_refused_protocol_mismatch,
  internal: m.clock_refused_internal,
};

/** A control's own wording for some refusals, where it knows more than the code says. */
export type Reasons = Partial<Record<ErrorCode, () => string>>;

/**
 * "Could not start the timer: there is no timer to change." from the server's refusal. In English
 * the server's own words give the reason; in other languages the code does (`reasons` first),
 * with a general reason for a code this page does not know.
 */
export function refusalText(what: string, error: ErrorBody, reasons: Reasons = {}): string {
  const reason =
    getLocale() === 'en'
      ? error.message.trim().replace(/[.!]$/, '') || error.code.replace('_', ' ')
      : (reasons[error.code] ?? REASON[error.code] ?? m.clock_refused_other)();
  return m.clock_refusal({ what, reason });
}
