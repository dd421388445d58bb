import type { CommandType } from '@kring/protocol';
import { roomBoardAccess } from './breakouts/rules';
import { isFacilitator, takesTheFloor } from './roles/kinds';
import type { SessionState } from './state';

export { isFacilitator, takesTheFloor } from './roles/kinds';

/**
 * C2: commands only facilitators may give. Commands a person may also give about themselves
 * (rename, lower a hand, end their own turn, pass the piece they hold) check the actor themselves.
 * The `satisfies` makes adding a command here a typed, reviewable decision. BR15: in a breakout
 * room, `ROOM_FLOOR_COMMANDS` are also for whoever runs that room's floor (`runsFloor`).
 */
export const FACILITATOR_COMMANDS = [
  'board.setLock',
  'board.add',
  'board.rename',
  'board.archive',
  'board.focus',
  'board.setPhase',
  'board.setRules',
  'vote.open',
  'vote.close',
  'note.hide',
  'note.remove',
  'participant.setRole',
  'participant.remove',
  'agenda.add',
  'agenda.update',
  'agenda.remove',
  'agenda.move',
  'agenda.next',
  'agenda.previous',
  'agenda.jump',
  'agenda.start',
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
  'breakout.create',
  'breakout.assign',
  'breakout.move',
  'breakout.open',
  'breakout.adjust',
  'breakout.close',
  'breakout.broadcast',
  'breakout.gallery',
  'breakout.setHost',
  'breakout.visit',
  'session.setDoor',
  'session.rotateJoinCode',
  'session.signOutOthers',
  'captions.addSource',
  'captions.revokeSource',
  'captions.setHarvest',
  'session.setRetention',
  'session.end',
  'session.setExporters',
  'session.setNotice',
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

/** `breakouts` is optional so older callers keep working; without it no board is a room board. */
type BoardFacts = Pick<SessionState, 'participants' | 'boards'> & Partial<Pick<SessionState, 'breakouts'>>;

/**
 * BD6: may this person change what is on the board (write notes, react), through the document or
 * through commands? P3: facilitators always. P4: observers and captioners never. P5/BD3/BD7:
 * participants only while the board is neither locked nor archived nor in its private phase.
 */
export function mayContribute(state: BoardFacts, participantId: string, boardId: string): boolean {
  const who = state.participants[participantId];
  const board = state.boards.find((b) => b.id === boardId);
  if (!who || who.removed || !board) return false;
  if (isFacilitator(who.role)) return true;
  if (!takesTheFloor(who.role)) return false;
  // BR12: a room board takes writes from its own room's members only, while the room is open.
  const room = roomBoardAccess(state, participantId, boardId);
  if (room === 'read' || room === 'none') return false;
  return !board.locked && !board.archived && board.phase === 'open';
}

/**
 * Access of a connection to a board's document.
 * P2: a board of the session is readable by every member of that session (RO5: not by removed people).
 * P3: facilitators may always write. P4: observers and captioners never write on boards.
 * P5/BD5: participants write only while they may contribute (BD6), and never on an anonymous board,
 * where all their writes go through commands so the document never holds their client id (BD9).
 * Needs only people and boards, so it works on a state or a view alike.
 */
export function boardAccess(state: BoardFacts, participantId: string, boardId: string): BoardAccess {
  const who = state.participants[participantId];
  const board = state.boards.find((b) => b.id === boardId);
  if (!who || who.removed || !board) return 'none';
  if (isFacilitator(who.role)) return 'write';
  // BR12/BR13: room boards: members of the room, the gallery, closed rooms read-only.
  const room = roomBoardAccess(state, participantId, boardId);
  if (room === 'none' || room === 'read') return room;
  if (board.anonymous) return 'read';
  return mayContribute(state, participantId, boardId) ? 'write' : 'read';
}

/**
 * BD7: access to `ownerId`'s drafts of a board. Nobody but the owner, not even a facilitator,
 * gets any access. The owner writes while the board is in its private phase and they may write
 * there (not archived; participants not while locked), and reads them otherwise. Observers and
 * captioners write no drafts.
 */
export function draftAccess(
  state: BoardFacts,
  participantId: string,
  boardId: string,
  ownerId: string,
): BoardAccess {
  const who = state.participants[participantId];
  const board = state.boards.find((b) => b.id === boardId);
  if (!who || who.removed || !board || participantId !== ownerId || !takesTheFloor(who.role)) return 'none';
  // BR12: drafts on a room board follow the room's access.
  const room = isFacilitator(who.role) ? null : roomBoardAccess(state, participantId, boardId);
  if (room === 'none' || room === 'read') return room;
  const writable = board.phase === 'private' && !board.archived && (isFacilitator(who.role) || !board.locked);
  return writable ? 'write' : 'read';
}

/**
 * BD14: access to a board's moderation document, which holds the words of its hidden notes.
 * Facilitators (P1) read it, on every board they may moderate (room boards too, BR10); nobody
 * writes to it over the wire, because the server is its only writer (hiding and showing move
 * the words); everyone else, the authors of hidden notes included, has no access at all.
 */
export function moderationAccess(state: BoardFacts, participantId: string, boardId: string): BoardAccess {
  const who = state.participants[participantId];
  const board = state.boards.find((b) => b.id === boardId);
  if (!who || who.removed || !board) return 'none';
  return isFacilitator(who.role) ? 'read' : 'none';
}
