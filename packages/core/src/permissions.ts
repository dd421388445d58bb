import type { CommandType, Role } from '@kring/protocol';
import type { SessionState } from './state';

/** P1: hosts and co-facilitators are facilitators; nobody else may run facilitator commands. */
export function isFacilitator(role: Role): boolean {
  return role === 'host' || role === 'cofacilitator';
}

/**
 * F3: who takes part in the conversation. Observers watch and captioners type captions; neither
 * raises a hand, sits in a round, holds the piece, takes a seat or joins the team.
 */
export function takesTheFloor(role: Role): boolean {
  return role === 'host' || role === 'cofacilitator' || role === 'participant';
}

/**
 * C2: commands only facilitators may give. Commands a person may also give about themselves
 * (rename, lower a hand, end their own turn, pass the piece they hold) check the actor themselves.
 * The `satisfies` makes adding a command here a typed, reviewable decision.
 */
export const FACILITATOR_COMMANDS = [
  'board.setLock',
  'participant.setRole',
  'participant.remove',
  'agenda.add',
  'agenda.update',
  'agenda.remove',
  'agenda.move',
  'agenda.next',
  'agenda.previous',
  'agenda.jump',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.adjust',
  'timer.reset',
  'timer.clear',
  'floor.start',
  'floor.setOptions',
  'floor.give',
  'round.skip',
  'fishbowl.setSeats',
  'fishbowl.invite',
  'fishbowl.release',
  'reflecting.setTeam',
  'reflecting.setPhase',
  'qa.mark',
  'announcement.post',
  'announcement.clear',
] as const satisfies readonly CommandType[];
export type FacilitatorCommandType = (typeof FACILITATOR_COMMANDS)[number];

const facilitatorOnly: ReadonlySet<CommandType> = new Set(FACILITATOR_COMMANDS);
export const isFacilitatorCommand = (type: CommandType): boolean => facilitatorOnly.has(type);

/** RO5: a removed person is no longer a member, whatever their record says. */
export function isMember(state: SessionState, participantId: string): boolean {
  const who = state.participants[participantId];
  return !!who && !who.removed;
}

export type BoardAccess = 'none' | 'read' | 'write';

/**
 * P2: a board of the session is readable by every member of that session (RO5: not by removed people).
 * P3: facilitators may always write. P4: observers and captioners never write on boards.
 * P5: participants write only while the board is unlocked.
 * Needs only people and boards, so it works on a state or a view alike.
 */
export function boardAccess(
  state: Pick<SessionState, 'participants' | 'boards'>,
  participantId: string,
  boardId: string,
): BoardAccess {
  const who = state.participants[participantId];
  const board = state.boards.find((b) => b.id === boardId);
  if (!who || who.removed || !board) return 'none';
  if (isFacilitator(who.role)) return 'write';
  if (who.role === 'observer' || who.role === 'captioner') return 'read';
  return board.locked ? 'read' : 'write';
}
