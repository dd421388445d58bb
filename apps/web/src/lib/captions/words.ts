import type { CaptionScope, ErrorBody, SessionView } from '@kring/protocol';
import { PLENARY } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';

/** Why a caption was not taken, in the captioner's language (the server's message is English). */
const REFUSED: Record<string, () => string> = {
  forbidden: m.captions_refused_forbidden,
  not_found: m.captions_refused_not_found,
  bad_request: m.captions_refused_bad_request,
  too_large: m.captions_refused_too_large,
  rate_limited: m.captions_refused_rate_limited,
};

export function captionRefusal(error: ErrorBody): string {
  return REFUSED[error.code]?.() ?? error.message ?? m.captions_refused_other();
}

/** "Plenary" or the room's name (a room no longer in the breakout: "a room"). */
export function scopeName(view: Pick<SessionView, 'breakouts'>, scope: CaptionScope): string {
  if (scope === PLENARY) return m.captions_scope_plenary();
  return view.breakouts.current?.rooms.find((r) => r.id === scope)?.name ?? m.captions_scope_a_room();
}
