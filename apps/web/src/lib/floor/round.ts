import type { RoundOutcome } from '@kring/protocol';
import type { FloorViewOf } from './floor';

export type RoundStatus = RoundOutcome | 'speaking' | 'next' | 'waiting';

export interface RoundRow {
  participantId: string;
  status: RoundStatus;
}

/** F-R2/F-R7: the round in its order, each person with where they stand. */
export function roundRows(floor: FloorViewOf<'round'>): RoundRow[] {
  const outcomes = new Map(floor.turns.map((t) => [t.participantId, t.outcome]));
  return floor.order.map((participantId) => {
    const outcome = outcomes.get(participantId);
    if (outcome) return { participantId, status: outcome };
    if (floor.speaker?.participantId === participantId) return { participantId, status: 'speaking' };
    if (floor.next === participantId) return { participantId, status: 'next' };
    return { participantId, status: 'waiting' };
  });
}

export const ROUND_STATUS_LABEL: Record<RoundStatus, string> = {
  spoke: 'spoke',
  passed: 'passed',
  skipped: 'skipped',
  speaking: 'speaking now',
  next: 'next',
  waiting: 'waiting',
};

/** F-R6: a round is complete once everyone has an outcome. */
export const roundComplete = (floor: FloorViewOf<'round'>): boolean =>
  floor.turns.length >= floor.order.length;

/** "2 of 5 turns taken." */
export function roundProgress(floor: FloorViewOf<'round'>): string {
  const done = Math.min(floor.turns.length, floor.order.length);
  return `${done} of ${floor.order.length} turn${floor.order.length === 1 ? '' : 's'} taken.`;
}

/** Whether this person may still pass (F-R4: anyone waiting passes, on their turn or ahead of it). */
export function mayPass(floor: FloorViewOf<'round'>, you: string): boolean {
  return floor.order.includes(you) && !floor.turns.some((t) => t.participantId === you);
}
