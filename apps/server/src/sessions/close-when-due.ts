import { type Decision, type SessionState, decide, isFacilitator } from '@kring/core';

/**
 * BR9: the server's own decision when a breakout's countdown ends: `breakout.close`, once the
 * rooms are open and `endsAt` has passed; nothing otherwise (closed early, extended meanwhile, or
 * a timer that fired before its time).
 *
 * Core records who closed the rooms (`by`), and the server is nobody in the session. So that no
 * rule is written twice, this asks core to decide a `breakout.close` in the name of the session's
 * host (RO4: there always is one; any other facilitator otherwise): the same rules, the same event
 * a facilitator's click gives, and never in the name of a participant. A core decision of its own
 * (like `recordRevealed`) would say "closed on time" without naming anyone.
 */
export function closeWhenDue(state: SessionState, now: number): Decision {
  const current = state.breakouts.current;
  if (!current || current.status !== 'open' || current.endsAt === null || current.endsAt > now) {
    return { ok: true, events: [] };
  }
  const people = Object.values(state.participants).filter((p) => !p.removed);
  const actor = people.find((p) => p.role === 'host') ?? people.find((p) => isFacilitator(p.role));
  if (!actor) return { ok: false, error: { code: 'conflict', message: 'nobody may close the rooms' } };
  return decide(state, { type: 'breakout.close' }, { participantId: actor.id }, now);
}
