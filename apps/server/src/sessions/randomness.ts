import { randomInt } from 'node:crypto';
import { type SessionState, isMember, takesTheFloor } from '@kring/core';
import type { Command } from '@kring/protocol';

/** Fisher–Yates with a cryptographic source: nobody can predict or steer who speaks first. */
export function shuffle<T>(items: readonly T[], rand: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A random round gets its concrete order here: the facilitator's list if they gave one, else
 * everyone present who takes the floor. Every other command passes through unchanged.
 */
export function resolveRandomness(state: SessionState, command: Command, online: readonly string[]): Command {
  if (
    command.type !== 'floor.start' ||
    command.setup.mode !== 'round' ||
    command.setup.orderBy !== 'random'
  ) {
    return command;
  }
  const pool =
    command.setup.participantIds ??
    online.filter((id) => isMember(state, id) && takesTheFloor(state.participants[id]!.role));
  if (pool.length === 0) return command; // core refuses a round without people, with a named error
  return { ...command, setup: { ...command.setup, participantIds: shuffle(pool) } };
}
