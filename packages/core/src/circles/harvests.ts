import { CIRCLE_LIMITS, type CircleState, type ErrorBody } from '@kring/protocol';
import { meetingOf } from './meetings';
import { isCircleHost } from './state';

type Verdict = { ok: true; sessionId: string } | { ok: false; error: ErrorBody };

const no = (code: ErrorBody['code'], message: string): Verdict => ({ ok: false, error: { code, message } });

/**
 * CI28: whether `memberId` may keep the harvest of this meeting with the circle now: a host, a
 * meeting that became a session, within the circle's count (`kept`: how many it keeps, `again`:
 * whether this meeting's is among them — keeping again replaces it). The answer names the
 * session whose export is the harvest; whether that session still exists is the server's to see.
 */
export function mayKeepHarvest(
  state: CircleState,
  memberId: string,
  meeting: { seriesId: string; key: string },
  kept: { count: number; again: boolean },
): Verdict {
  if (!state.members[memberId]) return no('unauthorized', 'you are not a member of this circle');
  if (!isCircleHost(state, memberId)) return no('forbidden', 'only the hosts of the circle can do this');
  const record = meetingOf(state, meeting.seriesId, meeting.key);
  if (!record) return no('not_found', 'this meeting has no session to keep a harvest of');
  if (!kept.again && kept.count >= CIRCLE_LIMITS.harvestsMax) {
    return no('too_large', `a circle keeps at most ${CIRCLE_LIMITS.harvestsMax} harvests: delete one first`);
  }
  return { ok: true, sessionId: record.sessionId };
}

/** CI28: hosts delete a kept harvest; members read them. */
export function mayDeleteHarvest(state: CircleState, memberId: string): boolean {
  return isCircleHost(state, memberId);
}
