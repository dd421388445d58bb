import type { RoundOutcome } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { wordsOf } from '$lib/i18n/words';
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

/** Each read gives the word in the page’s language (`wordsOf`). */
export const ROUND_STATUS_LABEL: Record<RoundStatus, string> = wordsOf({
  spoke: () => m.floor_status_spoke(),
  passed: () => m.floor_status_passed(),
  skipped: () => m.floor_status_skipped(),
  speaking: () => m.floor_status_speaking(),
  next: () => m.floor_status_next(),
  waiting: () => m.floor_status_waiting(),
});

/** F-R6: a round is complete once everyone has an outcome. */
export const roundComplete = (floor: FloorViewOf<'round'>): boolean =>
  floor.turns.length >= floor.order.length;

/** "2 of 5 turns taken." */
export function roundProgress(floor: FloorViewOf<'round'>): string {
  const done = Math.min(floor.turns.length, floor.order.length);
  const total = floor.order.length;
  return total === 1 ? m.floor_round_progress_one({ done, total }) : m.floor_round_progress({ done, total });
}

/** Whether this person may still pass (F-R4: anyone waiting passes, on their turn or ahead of it). */
export function mayPass(floor: FloorViewOf<'round'>, you: string): boolean {
  return floor.order.includes(you) && !floor.turns.some((t) => t.participantId === you);
}
