import type { ErrorBody } from '@kring/protocol';

/**
 * A refusal from the server in plain words. `what` says what did not happen ("Could not step in"),
 * the rest says why, e.g. a full fishbowl.
 */
export function refusalText(what: string, error: ErrorBody): string {
  switch (error.code) {
    case 'full':
      return `${what}: the inner circle is full. Wait until someone steps out, then try again.`;
    case 'forbidden':
      return `${what}: ${reason(error.message) || 'you are not allowed to do this.'}`;
    case 'conflict':
      // A command for another mode means the floor changed while the button was on screen.
      if (/^the floor is in \w+ mode/.test(error.message)) {
        return `${what}: the floor changed in the meantime. Look again at what it is now.`;
      }
      return `${what}: ${reason(error.message) || 'that is not possible right now.'}`;
    case 'not_found':
      return `${what}: that person is no longer in the session.`;
    default:
      return `${what}: ${reason(error.message) || 'please try again.'}`;
  }
}

/** A server message as the second half of a sentence: "Someone holds it" → "someone holds it." */
function reason(message: string): string {
  const text = message.trim();
  if (!text) return '';
  const lowered = /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  return /[.!?]$/.test(lowered) ? lowered : `${lowered}.`;
}
