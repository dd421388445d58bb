import { type Decision, type SessionState, decideJoin, joinSession } from '@kring/core';
import { LIMITS, type Role } from '@kring/protocol';

/**
 * CI18: how a circle member comes into a meeting's session, as core's session rules have it (the
 * composition lives here only because core's index does not export a circle helper for it yet).
 * A member joins like anyone with the join code (J1–J3, RO8 via `decideJoin`): the door, the cap
 * and a facilitator's name hold for them too. A circle host comes in as a co-facilitator: past a
 * closed door (facilitators keep their way in) and with any name (RO8 leaves facilitators free),
 * but within the cap (J3).
 */
export function meetingEntry(
  state: SessionState,
  input: { participantId: string; displayName: string; role: Role; now: number },
): Decision {
  if (input.role === 'participant') {
    const joined = decideJoin(state, input);
    if (!joined.ok && joined.error.code === 'name_taken') {
      return {
        ok: false,
        error: {
          code: 'name_taken',
          message:
            'a facilitator of this meeting has your name in the circle: change your name in the circle and try again',
        },
      };
    }
    return joined;
  }
  if (Object.keys(state.participants).length >= LIMITS.participantsMax) {
    return { ok: false, error: { code: 'full', message: 'this session has as many people as it can take' } };
  }
  return { ok: true, events: joinSession(input) };
}
