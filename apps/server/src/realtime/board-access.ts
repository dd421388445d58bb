import type { SessionState } from '@kring/core';
import type { SessionEvent } from '@kring/protocol';

/** Events after which someone's access to one named board may differ. */
const BOARD_ACCESS_EVENTS: ReadonlySet<SessionEvent['type']> = new Set([
  'board.lockChanged',
  'board.archiveChanged',
  'board.phaseChanged',
] as const);

/** Events after which anyone's access to any board may differ (role, removal). */
const PERSON_EVENTS: ReadonlySet<SessionEvent['type']> = new Set([
  'participant.roleChanged',
  'participant.removed',
] as const);

/**
 * The boards whose open connections must be checked again after a stored batch (`state` is the
 * state after it). Access is asked per message anyway; this cuts at once those who lost it
 * entirely, so they stop receiving even while they send nothing. BR12/BR13: every breakout event
 * may move people in or out of rooms, open or close rooms or the gallery, so it re-checks every
 * room board of the current breakout.
 */
export function boardsToRecheck(state: SessionState | undefined, events: readonly SessionEvent[]): string[] {
  const out = new Set<string>();
  for (const e of events) {
    if (BOARD_ACCESS_EVENTS.has(e.type) && 'boardId' in e && e.boardId) out.add(e.boardId);
    if (PERSON_EVENTS.has(e.type)) for (const b of state?.boards ?? []) out.add(b.id);
    if (e.type.startsWith('breakout.')) {
      for (const room of state?.breakouts.current?.rooms ?? []) out.add(room.boardId);
    }
  }
  return [...out];
}
