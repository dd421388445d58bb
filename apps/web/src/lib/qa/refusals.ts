import type { ErrorBody } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { baseLocale, getLocale } from '$lib/paraglide/runtime';

/**
 * "Could not pin the question: no such question." from the server's refusal. The server explains
 * itself in English: in English its sentence is shown as it is; in Dutch and French the reason is
 * worded from the error code, never the server's English.
 */
export function qaRefusalText(what: string, error: ErrorBody): string {
  if (getLocale() === baseLocale) {
    const told = error.message.trim().replace(/[.!]$/, '') || error.code.replace('_', ' ');
    return m.qa_refusal({ what, reason: `${told}.` });
  }
  return m.qa_refusal({ what, reason: codeReason(error) });
}

function codeReason(error: ErrorBody): string {
  switch (error.code) {
    case 'not_found':
      return m.qa_reason_not_found();
    case 'forbidden':
      return m.qa_reason_forbidden();
    case 'too_large':
      return m.qa_reason_too_large();
    case 'rate_limited':
      return m.qa_reason_rate_limited();
    case 'internal':
      return m.qa_reason_offline();
    case 'unauthorized':
      return m.qa_reason_not_member();
    case 'conflict':
      return m.qa_reason_conflict();
    default:
      return m.qa_reason_try_again();
  }
}
