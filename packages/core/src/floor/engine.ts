import { type CommandOf, type FloorState, PLENARY, type Turn } from '@kring/protocol';
import { refuseOutsideRoom } from '../breakouts/room-floor';
import { type Ctx, type Decision, refuse } from '../decision';
import { takesTheFloor } from '../permissions';
import type { SessionState } from '../state';

/** The shared engine every floor mode builds on: scopes, who may hold the floor, turns. */

export type FloorOf<M extends FloorState['mode']> = Extract<FloorState, { mode: M }>;

/** F1: commands without a scope are about the plenary. */
export const scopeOf = (command: { scope?: string | undefined }): string => command.scope ?? PLENARY;

/**
 * F3: someone named as speaker, seat holder or team member must be a member who takes the floor;
 * BR15: on a room's floor, someone in that room.
 */
export function refuseIneligible(state: SessionState, participantId: string, scope: string): Decision | null {
  const who = state.participants[participantId];
  if (!who || who.removed) return refuse('not_found', 'no such participant');
  if (!takesTheFloor(who.role)) return refuse('conflict', `${who.displayName} does not take the floor here`);
  return refuseOutsideRoom(state, participantId, scope);
}

/** The same for a list: every one eligible, nobody twice. */
export function refuseIneligibleList(
  state: SessionState,
  ids: readonly string[],
  scope: string,
): Decision | null {
  if (new Set(ids).size !== ids.length) return refuse('bad_request', 'someone is listed twice');
  for (const id of ids) {
    const bad = refuseIneligible(state, id, scope);
    if (bad) return bad;
  }
  return null;
}

/** F3: the actor themselves must take the floor to raise a hand, pass, sit down or take the piece. */
export function refuseSpectator(ctx: Ctx): Decision | null {
  return takesTheFloor(ctx.who.role)
    ? null
    : refuse('forbidden', `as ${ctx.who.role} you follow the conversation but do not take the floor`);
}

/** A command for another mode than the floor is in. */
export const wrongMode = (floor: FloorState, wanted: FloorState['mode']): Decision =>
  refuse('conflict', `the floor is in ${floor.mode} mode, not ${wanted}`);

export const sameTurn = (a: Turn | null, b: Turn | null): boolean =>
  a?.participantId === b?.participantId && a?.startedAt === b?.startedAt;

export const turnOf = (participantId: string, startedAt: number): Turn => ({ participantId, startedAt });

export type FloorCommand = CommandOf<
  | 'floor.start'
  | 'floor.setOptions'
  | 'hand.raise'
  | 'hand.lower'
  | 'floor.give'
  | 'floor.endTurn'
  | 'round.done'
  | 'round.pass'
  | 'round.skip'
  | 'piece.pass'
  | 'piece.take'
  | 'fishbowl.enter'
  | 'fishbowl.leave'
  | 'fishbowl.setSeats'
  | 'fishbowl.invite'
  | 'fishbowl.release'
  | 'reflecting.setTeam'
  | 'reflecting.setPhase'
>;
