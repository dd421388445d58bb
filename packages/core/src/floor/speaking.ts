import type { FloorState } from '@kring/protocol';
import { queueOrder } from './open';
import { nextInRound, pendingIds } from './round';

/**
 * F4: who may speak now, for every screen and every mode. Pure, so the speaker's screen, the
 * listeners' and the facilitator's agree without asking the server.
 */
export function maySpeak(floor: FloorState, participantId: string): boolean {
  switch (floor.mode) {
    case 'open':
      // Nobody given the floor: the conversation is open to all.
      return floor.speaker === null || floor.speaker.participantId === participantId;
    case 'round':
      // After the last turn the round is over and the conversation opens up again.
      return floor.speaker === null
        ? pendingIds(floor).length === 0
        : floor.speaker.participantId === participantId;
    case 'piece':
      // The piece in the centre means silence until someone takes it.
      return floor.speaker?.participantId === participantId;
    case 'fishbowl':
      return floor.inner.some((s) => s.participantId === participantId);
    case 'reflecting':
      return floor.team.includes(participantId) === (floor.phase === 'team');
  }
}

/** F-Q/F-R: who comes next: the head of the open queue, or the next in the round. */
export function nextSpeaker(floor: FloorState): string | null {
  if (floor.mode === 'open') return queueOrder(floor)[0]?.participantId ?? null;
  if (floor.mode === 'round') return nextInRound(floor);
  return null;
}

export type TurnInfo = 'speaking' | 'next' | null;

/**
 * F5: one person's place on the floor, for announcements ("it's your turn", "you're next").
 * `speaking` means they have the floor: the speaker or holder, a seat in the fishbowl, or the
 * group whose phase it is in a reflecting team.
 */
export function turnInfo(floor: FloorState, participantId: string): TurnInfo {
  const hasFloor =
    floor.mode === 'fishbowl' || floor.mode === 'reflecting'
      ? maySpeak(floor, participantId)
      : floor.speaker?.participantId === participantId;
  if (hasFloor) return 'speaking';
  return nextSpeaker(floor) === participantId ? 'next' : null;
}

export type TurnChange = 'speaking' | 'next' | 'ended' | null;

/** F5: what to announce to a person when the floor changed from `before` to `after`. */
export function turnChange(before: FloorState, after: FloorState, participantId: string): TurnChange {
  const was = turnInfo(before, participantId);
  const is = turnInfo(after, participantId);
  if (is === was) {
    // A new turn right after your own (e.g. given the floor again) is still news.
    const again = is === 'speaking' && before.speaker?.startedAt !== after.speaker?.startedAt;
    return again ? 'speaking' : null;
  }
  if (is === 'speaking' || is === 'next') return is;
  return was === 'speaking' ? 'ended' : null;
}

/**
 * F6: what is left of the soft time of the running turn at `now`; negative once it is over
 * (soft: nothing ends the turn, screens just show it). Null without a soft limit or a speaker.
 */
export function turnRemainingMs(floor: FloorState, now: number): number | null {
  if (floor.softTurnMs === null || floor.speaker === null) return null;
  return floor.softTurnMs - (now - floor.speaker.startedAt);
}
