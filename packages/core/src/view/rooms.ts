import { type BoardState, PLENARY, type RoomState, type SessionEvent } from '@kring/protocol';
import { roomAccess } from '../breakouts/rules';
import type { SessionState } from '../state';
import { initialFloor } from '../state';

/**
 * BR18: room privacy in what leaves the server. Someone with no access to a room (BR12) gets
 * neither its floor, nor its timer, nor what its board's session state says about people. Access
 * reads only public facts (roles, the assignment, status, gallery), so these work on a cut copy.
 */

type RoomFacts = Pick<SessionState, 'participants' | 'breakouts'>;

/** BR18: the rooms of the current breakout this person may not read. */
export function hiddenRooms(state: RoomFacts, viewerId: string): RoomState[] {
  const rooms = state.breakouts.current?.rooms ?? [];
  return rooms.filter((r) => roomAccess(state, viewerId, r.id) === 'none');
}

/** BR18: what of a room board the room's outsiders keep: the shell a room list needs (id, title, flags). */
const boardShell = (board: BoardState): BoardState => ({ ...board, vote: null, reactions: {}, authors: {} });

/** BR18: `state` without the floors, timers and board details of rooms hidden from this person. */
export function cutHiddenRooms(state: SessionState, viewerId: string): SessionState {
  const hidden = hiddenRooms(state, viewerId);
  if (hidden.length === 0) return state;
  const floors = { ...state.floors };
  const timers = { ...state.timers };
  for (const room of hidden) {
    if (floors[room.id]) floors[room.id] = initialFloor();
    delete timers[room.id];
  }
  const boardIds = new Set(hidden.map((r) => r.boardId));
  const boards = state.boards.map((b) => (boardIds.has(b.id) ? boardShell(b) : b));
  return { ...state, floors, timers, boards };
}

/** Board events that fill what `boardShell` cuts (or tell of activity on the board's notes). */
const ROOM_BOARD_EVENTS: ReadonlySet<SessionEvent['type']> = new Set([
  'vote.opened',
  'vote.closed',
  'vote.changed',
  'note.added',
  'note.reactionChanged',
  'note.hiddenChanged',
  'note.deleted',
  'note.removed',
] as const);

/** The room an event is about: its floor or timer scope, or its board. Null for anything else. */
function roomOfEvent(event: SessionEvent, rooms: readonly RoomState[]): RoomState | undefined {
  if ('scope' in event) return event.scope === PLENARY ? undefined : rooms.find((r) => r.id === event.scope);
  if (ROOM_BOARD_EVENTS.has(event.type) && 'boardId' in event) {
    return rooms.find((r) => r.boardId === event.boardId);
  }
  return undefined;
}

/** BR18: is `event` about a room this person could not read before it? Then it reaches them redacted. */
export function aboutHiddenRoom(event: SessionEvent, before: SessionState, viewerId: string): boolean {
  return roomOfEvent(event, hiddenRooms(before, viewerId)) !== undefined;
}

/**
 * BR18: may this batch differ per person because of rooms? True when it holds a floor or timer event
 * of a room, or a room board event of the current breakout (or of one created in the batch).
 * Without `before`, every board event that could be a room board's counts.
 */
export function touchesRooms(events: readonly SessionEvent[], before?: RoomFacts): boolean {
  if (!before) {
    return events.some((e) => ('scope' in e && e.scope !== PLENARY) || ROOM_BOARD_EVENTS.has(e.type));
  }
  const rooms = [...(before.breakouts.current?.rooms ?? [])];
  for (const e of events) if (e.type === 'breakout.created') rooms.push(...e.rooms);
  return events.some((e) => roomOfEvent(e, rooms) !== undefined);
}

/**
 * V6/BR18: did a room hidden from this person in `before` become readable in `after` (moved in,
 * gallery opened, rooms closed)? Its floor, timer and board cannot be rebuilt from events.
 */
export function roomsRevealed(before: RoomFacts, after: RoomFacts, viewerId: string): boolean {
  const rooms = after.breakouts.current?.rooms ?? [];
  return hiddenRooms(before, viewerId).some(
    (r) => rooms.some((x) => x.id === r.id) && roomAccess(after, viewerId, r.id) !== 'none',
  );
}
