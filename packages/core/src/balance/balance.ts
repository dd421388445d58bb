import type { FloorState, Tally } from '@kring/protocol';
import { sameTurn } from '../floor/engine';

/**
 * B1/B2: speaking balance is counted from the floor's own speaker changes, so every copy of the
 * state (server and clients) arrives at the same numbers without extra events. A turn is counted
 * when it ends; `counts` is false for round turns that end as a pass or a skip (B2), which are
 * recorded in the round, neutrally, and are not speaking time.
 */
export function settle(before: FloorState, after: FloorState, at: number, counts: boolean): FloorState {
  const ended = before.speaker;
  if (!ended || sameTurn(ended, after.speaker) || !counts) return after;
  const id = ended.participantId;
  const tally = after.balance[id] ?? { turns: 0, speakingMs: 0 };
  return {
    ...after,
    balance: {
      ...after.balance,
      [id]: { turns: tally.turns + 1, speakingMs: tally.speakingMs + Math.max(0, at - ended.startedAt) },
    },
  };
}

/** B3: the balance as it stands at `now`, counting the turn that is still running. */
export function balanceAt(floor: FloorState, now: number): Record<string, Tally> {
  const running = floor.speaker;
  if (!running) return floor.balance;
  const tally = floor.balance[running.participantId] ?? { turns: 0, speakingMs: 0 };
  return {
    ...floor.balance,
    [running.participantId]: {
      turns: tally.turns + 1,
      speakingMs: tally.speakingMs + Math.max(0, now - running.startedAt),
    },
  };
}
