import { randomInt } from 'node:crypto';
import {
  type SessionState,
  balancedGroups,
  isAssignable,
  isMember,
  roomMembers,
  takesTheFloor,
} from '@kring/core';
import { type Command, PLENARY } from '@kring/protocol';

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
 * Core is free of randomness, so the server fills in what needs it before core decides: a random
 * round's order, a random breakout assignment and the order Start on a segment draws from (A8). Every other command passes through unchanged.
 */
export function resolveRandomness(
  state: SessionState,
  command: Command,
  online: readonly string[],
  rand: (n: number) => number = randomInt,
): Command {
  if (command.type === 'breakout.assign') return randomGroups(state, command, rand);
  if (command.type === 'agenda.start') return { ...command, shuffled: everyoneShuffled(state, rand) };
  if (
    command.type !== 'floor.start' ||
    command.setup.mode !== 'round' ||
    command.setup.orderBy !== 'random'
  ) {
    return command;
  }
  const pool = command.setup.participantIds ?? roundPool(state, command.scope ?? PLENARY, online);
  if (pool.length === 0) return command; // core refuses a round without people, with a named error
  return { ...command, setup: { ...command.setup, participantIds: shuffle(pool, rand) } };
}

/**
 * A8: Start draws its random round, reflecting team and random rooms from one order of everyone
 * in the session (not removed; core keeps who each part takes, and who is present). Whatever a
 * client sent is replaced, so nobody can steer who speaks first or who meets whom.
 */
function everyoneShuffled(state: SessionState, rand: (n: number) => number): string[] {
  const everyone = Object.values(state.participants)
    .filter((p) => !p.removed)
    .map((p) => p.id);
  return shuffle(everyone, rand);
}

/**
 * Who a random round draws from when the facilitator named nobody: everyone present who takes the
 * floor; in a breakout room (BR15) only the room's members who are present, never the whole
 * session. An unknown scope draws from nobody, and core says why it refuses.
 */
function roundPool(state: SessionState, scope: string, online: readonly string[]): string[] {
  if (scope === PLENARY) {
    return online.filter((id) => isMember(state, id) && takesTheFloor(state.participants[id]!.role));
  }
  const present = new Set(online);
  return roomMembers(state, scope).filter((id) => present.has(id));
}

/**
 * BR3: a random assignment deals everyone who can be put in a room — online or not, since people
 * who join late or reconnect land in their room (BR5, BR6) — shuffled, into balanced groups, one
 * per room. Whatever groups the client sent are replaced, so nobody can steer who meets whom.
 */
function randomGroups(
  state: SessionState,
  command: Extract<Command, { type: 'breakout.assign' }>,
  rand: (n: number) => number,
): Command {
  const rooms = state.breakouts.current?.rooms ?? [];
  // Without rooms core refuses (no breakout); nothing to deal.
  if (command.assign.mode !== 'random' || rooms.length === 0) return command;
  const people = Object.values(state.participants)
    .filter((p) => isAssignable(state, p.id))
    .map((p) => p.id);
  const groups = balancedGroups(shuffle(people, rand), rooms.length);
  return { ...command, assign: { mode: 'random', groups } };
}
